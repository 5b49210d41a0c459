// Entry: three tools on one offline page, chosen by the URL hash (#check, #draw, #fairness).
import "./style.css";
import { mountCeremony } from "./ceremony.js";
import { mountFairness } from "./fairness.js";
import { mountSelfCheck } from "./selfCheck.js";
import { $ } from "./ui.js";

const TABS = ["check", "draw", "fairness"] as const;
mountSelfCheck($("check"));
mountCeremony($("draw"));
mountFairness($("fairness"));

function show(): void {
  const wanted = location.hash.slice(1);
  const current = (TABS as readonly string[]).includes(wanted) ? wanted : "check";
  for (const t of TABS) {
    $(t).hidden = t !== current;
    const tab = $(`tab-${t}`);
    if (t === current) tab.setAttribute("aria-current", "page");
    else tab.removeAttribute("aria-current");
  }
}
window.addEventListener("hashchange", () => {
  show();
  $("main").focus();
});
show();
