// The framework's floor for the weight benchmark: an empty page, built with Planado's own config.
export { default } from "../../next.config.js";
