// Every message text of the PDF stage.
export const messages = {
  unreadable: (reason: string) => `not a PDF that can be read: ${reason}`,
  noAttachments: () => 'the PDF carries no data files: it was built as PDF/A-2b (--pdf-standard a-2b), or not by annual-review',
  unsafeName: (name: string) => `an attached file is named "${name}", which is not a plain file name: nothing was written`,
};
