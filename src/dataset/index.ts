// The dataset stage: a folder of YAML files in, a checked and normalised Dataset out.
export { loadDataset, displayPath } from './load.js';
export type * from './types.js';
