/** The PaneHost backed by Office.js. */
import { officeHost as host } from "../hosts/office/host";
import type { PaneHost } from "./host";

export const officeHost: PaneHost = host;
