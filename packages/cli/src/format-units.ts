export { formatBytes, formatScientific } from "@zoo/catalog";
