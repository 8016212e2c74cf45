// Type declaration for linebreak (the package ships none): the Unicode line breaking algorithm, UAX #14.
declare module 'linebreak' {
  interface Break {
    /** Index in the string where a line may (or, when required, must) start. */
    position: number;
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity, or null after the last. */
    nextBreak(): Break | null;
  }
}
