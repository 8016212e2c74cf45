// Every message text of the markup stage.
export const messages = {
  unknownDirective: (kind: string, name: string) => `unknown ${kind} directive "${name}"`,
  unsupported: (type: string) => `unsupported Markdown construct "${type}"`,
  missingAttribute: (directive: string, attribute: string) => `directive "${directive}" needs the attribute "${attribute}"`,
  figureParagraphs: (n: number) => `a figure holds a caption paragraph and an optional source line, not ${n} paragraphs`,
  unknownCitation: (id: string) => `unknown claim or source "${id}" in a citation`,
};
