// shuangsuiji/node — Node-only helpers (file reading). The core entry never imports node: modules.
export { readCsvTable, type ReadCsvTableOptions } from "./readCsvTable.js";
