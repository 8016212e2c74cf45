// The preview's one web page: the PDF drawn page by page with pdf.js, a side list linking each discrepancy and figure
// to its page, and the errors of a failed build above the last good PDF. It follows the server's events: after a
// good build it draws the new PDF and returns to the page the reader was on. Data only ever reaches the page as
// text (textContent), never as markup.

const STYLE = `
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #e8e8e8; color: #222; display: flex; height: 100vh; }
  nav { width: 16rem; flex: none; overflow-y: auto; background: #fafafa; border-right: 1px solid #ccc; padding: 0.75rem; box-sizing: border-box; }
  nav h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: #666; margin: 1rem 0 0.25rem; }
  nav ol { list-style: none; margin: 0; padding: 0; }
  nav a { display: flex; justify-content: space-between; gap: 0.5rem; padding: 0.15rem 0.25rem; color: #0645ad; text-decoration: none; border-radius: 3px; }
  nav a:hover { background: #e4ecf7; }
  nav .page { flex: none; color: #666; }
  #figures a span:first-child { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
  main { flex: 1; overflow-y: auto; position: relative; }
  header { position: sticky; top: 0; z-index: 1; }
  #status { background: #fff; border-bottom: 1px solid #ccc; padding: 0.35rem 0.75rem; font-size: 0.85rem; }
  #errors { max-height: 40vh; overflow-y: auto; margin: 0; padding: 0.75rem; background: #fde8e8; color: #8a1010; border-bottom: 2px solid #c33; white-space: pre-wrap; font: 13px/1.45 ui-monospace, monospace; }
  #pages > div { margin: 1rem auto; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); background: #fff; width: fit-content; }
  #pages canvas { display: block; }
`;

const SCRIPT = `
import * as pdfjs from '/pdfjs/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.mjs';

const main = document.querySelector('main');
const pagesBox = document.getElementById('pages');
const errorsBox = document.getElementById('errors');
const status = document.getElementById('status');
const header = document.querySelector('header');
const pageOfHash = () => Number(new URLSearchParams(location.hash.slice(1)).get('page')) || 1;
let current = pageOfHash();
let shownPdf = 0;

function setCurrent(n) {
  current = n;
  document.body.dataset.page = String(n);
  const hash = '#page=' + n;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

function goTo(n) {
  const target = pagesBox.children[n - 1] ?? pagesBox.lastElementChild;
  if (!target) return setCurrent(n);
  main.scrollTop = target.offsetTop - header.offsetHeight;
  setCurrent(Number(target.dataset.page));
}

// The page the reader is on: the last one whose top has passed a third of the way down the view.
main.addEventListener('scroll', () => {
  const line = main.scrollTop + header.offsetHeight + (main.clientHeight - header.offsetHeight) / 3;
  let on = 1;
  for (const page of pagesBox.children) if (page.offsetTop <= line) on = Number(page.dataset.page);
  if (on !== current) setCurrent(on);
});
window.addEventListener('hashchange', () => goTo(pageOfHash()));

async function drawPdf(version) {
  const pdf = await pdfjs.getDocument({ url: '/review.pdf?v=' + version }).promise;
  const scale = 1.3;
  const ratio = window.devicePixelRatio || 1;
  const drawn = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = Math.floor(viewport.width) + 'px';
    canvas.style.height = Math.floor(viewport.height) + 'px';
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport, transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0] }).promise;
    const box = document.createElement('div');
    box.dataset.page = String(n);
    box.append(canvas);
    drawn.push(box);
  }
  await pdf.destroy();
  const keep = current;
  pagesBox.replaceChildren(...drawn);
  goTo(keep);
}

function link(text, page) {
  const a = document.createElement('a');
  a.href = '#page=' + page;
  a.dataset.page = String(page);
  const label = document.createElement('span');
  label.textContent = text;
  const number = document.createElement('span');
  number.className = 'page';
  number.textContent = 'p. ' + page;
  a.append(label, number);
  a.addEventListener('click', (e) => { e.preventDefault(); goTo(page); });
  const li = document.createElement('li');
  li.append(a);
  return li;
}

function showPlaces(places) {
  document.getElementById('discrepancies').replaceChildren(...places.discrepancies.map((d) => link(d.id, d.page)));
  document.getElementById('figures').replaceChildren(...places.figures.map((f) => link(f.number + '. ' + f.caption, f.page)));
}

async function show(state) {
  errorsBox.hidden = state.ok;
  errorsBox.textContent = state.errors.join('\\n');
  if (state.pdf !== shownPdf && state.pdf > 0) {
    await drawPdf(state.pdf);
    shownPdf = state.pdf;
  }
  if (state.title) document.title = state.title + ' (preview)';
  showPlaces(state.places);
  const when = new Date().toLocaleTimeString();
  status.textContent = state.pdf === 0 && state.ok ? 'building…' : (state.ok ? 'built' : 'the build failed; showing the last good PDF') + ' · ' + state.pages + ' pages · ' + when;
  document.body.dataset.build = String(state.build);
  document.body.dataset.pdf = String(shownPdf);
  document.body.dataset.status = state.ok ? 'ok' : 'failed';
}

// One state at a time, in the order the server sent them.
let queue = Promise.resolve();
const events = new EventSource('/events');
events.onmessage = (e) => {
  const state = JSON.parse(e.data);
  queue = queue.then(() => show(state)).catch((error) => { status.textContent = 'the preview failed: ' + error.message; });
};
setCurrent(current);
`;

/** The page, the same for every review: what it shows arrives as data from the server. */
export const previewPage = () => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>annual-review preview</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body data-build="0" data-pdf="0">
<nav aria-label="Places in the review">
  <h2>Discrepancies</h2>
  <ol id="discrepancies"></ol>
  <h2>Figures</h2>
  <ol id="figures"></ol>
</nav>
<main>
  <header>
    <div id="status" role="status">building…</div>
    <pre id="errors" role="alert" hidden></pre>
  </header>
  <div id="pages"></div>
</main>
<script type="module">${SCRIPT}</script>
</body>
</html>
`;
