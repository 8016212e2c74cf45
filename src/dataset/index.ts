// The dataset stage's public entry: loading a dataset folder (schema, references, units), checking its quotes
// against source texts, and the skeleton of a new dataset.
export { loadDataset } from './load.js';
export { verifyQuotes } from './verify.js';
export { skeletonFiles } from './skeleton.js';
