// shuangsuiji/node — Node-only helpers (file reading; the text entries of replay and loading with node:crypto's SHA-256). The core entry never imports node: modules.
export { readCsvTable, type ReadCsvTableOptions } from "./readCsvTable.js";
export { replayTaskText } from "./replayTaskText.js";
export { loadTaskText } from "./loadTaskText.js";
