// The document's XMP metadata, written instead of pdfkit's: values XML-escaped (pdfkit writes them raw, so a
// title with "&" or "<" broke the packet), the same values as the Info dictionary (PDF/A requires them to agree),
// the modification date, and PDF/UA identification with the extension schema PDF/A asks for undeclared properties.
import { escapeXml } from '../text/format.js';

const xmpDate = (d: Date) => `${d.toISOString().split('.')[0]}Z`;

export interface XmpFields {
  title: string;
  author: string;
  subject?: string;
  keywords: string;
  tool: string;
  date: Date;
  language: string;
  /** Claim PDF/UA-1. */
  ua: boolean;
}

/** The pdfaExtension schema describing pdfuaid, which is not among XMP's predefined schemas. */
const PDFUA_EXTENSION = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`;

/** The rdf:Description elements for the packet pdfkit wraps (pdfkit adds pdfaid itself for PDF/A). */
export function xmpDescriptions(f: XmpFields): string {
  const e = escapeXml;
  const lang = e(f.language);
  return [
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>${xmpDate(f.date)}</xmp:CreateDate>
<xmp:ModifyDate>${xmpDate(f.date)}</xmp:ModifyDate>
<xmp:MetadataDate>${xmpDate(f.date)}</xmp:MetadataDate>
<xmp:CreatorTool>${e(f.tool)}</xmp:CreatorTool>
</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(f.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${e(f.author)}</rdf:li></rdf:Seq></dc:creator>
${f.subject ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(f.subject)}</rdf:li></rdf:Alt></dc:description>\n` : ''}<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>${e(f.tool)}</pdf:Producer>
${f.keywords ? `<pdf:Keywords>${e(f.keywords)}</pdf:Keywords>\n` : ''}</rdf:Description>`,
    ...(f.ua ? [`<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>`, PDFUA_EXTENSION] : []),
  ].join('\n');
}
