// The filter bar: relation checkboxes, maximum depth, the size switch and the export links; it shows a view's
// settings and reports the user's changes as a new view, never holding state of its own. On a narrow screen the
// settings fold behind one button (style.css), opening over the graph so the graph keeps its height.

import { RELATION_COLORS } from "../src/vocabulary/palette.js";
import { exportUrl, RELATIONS, type Relation } from "./api.js";
import { RELATION_LABELS } from "./relation-labels.js";
import { MAX_DEPTH, normalizeRelations, viewFileName, type SizeMode, type ViewState } from "./state.js";

export interface Controls {
  show(view: ViewState): void;
  /** Offers the exports only while a family is drawn (never a blank image or an empty file). */
  setExportable(exportable: boolean): void;
}

export function createControls(form: HTMLFormElement, onChange: (change: Partial<ViewState>) => void): Controls {
  const fieldset = form.querySelector<HTMLFieldSetElement>("#relation-filter");
  const depthInput = form.querySelector<HTMLInputElement>("#depth-input");
  const gexf = form.querySelector<HTMLAnchorElement>("#export-gexf");
  const gexf12 = form.querySelector<HTMLAnchorElement>("#export-gexf-12");
  const toggle = form.querySelector<HTMLButtonElement>("#controls-toggle");
  const settings = form.querySelector<HTMLElement>("#view-settings");
  if (
    fieldset === null ||
    depthInput === null ||
    gexf === null ||
    gexf12 === null ||
    toggle === null ||
    settings === null
  )
    throw new Error("viewer: the controls are missing from the page");

  const boxes = new Map<Relation, HTMLInputElement>();
  for (const relation of RELATIONS) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = relation;
    box.checked = true;
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.backgroundColor = RELATION_COLORS[relation];
    label.append(box, swatch, RELATION_LABELS[relation]);
    fieldset.append(label);
    boxes.set(relation, box);
  }

  fieldset.addEventListener("change", (event) => {
    const checked = RELATIONS.filter((relation) => boxes.get(relation)?.checked === true);
    if (checked.length === 0 && event.target instanceof HTMLInputElement) {
      event.target.checked = true; // at least one relation stays on: an empty filter would show nothing
      return;
    }
    onChange({ relations: normalizeRelations(checked), expand: [] });
  });

  depthInput.addEventListener("change", () => {
    const value = depthInput.valueAsNumber;
    const depth = Number.isInteger(value) && value >= 1 && value <= MAX_DEPTH ? value : null;
    if (depth === null) depthInput.value = "";
    onChange({ depth });
  });

  form.addEventListener("change", (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.name === "size" && target.checked)
      onChange({ size: target.value as SizeMode });
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  const unfold = (open: boolean) => {
    toggle.setAttribute("aria-expanded", String(open));
    settings.classList.toggle("unfolded", open);
  };
  toggle.addEventListener("click", () => unfold(toggle.getAttribute("aria-expanded") !== "true"));
  // Escape, wherever the keyboard is, folds the unfolded settings first (before it closes a panel) and hands the
  // keyboard back to their button: caught on the way down, before any other key handler sees it.
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Escape" || toggle.getAttribute("aria-expanded") !== "true") return;
      event.stopPropagation();
      unfold(false);
      toggle.focus();
    },
    { capture: true },
  );

  const png = form.querySelector<HTMLButtonElement>("#export-png");
  return {
    setExportable(exportable: boolean) {
      if (png !== null) {
        png.disabled = !exportable;
        png.hidden = !exportable;
      }
      for (const link of [gexf, gexf12]) {
        link.hidden = !exportable;
      }
    },
    show(view: ViewState) {
      form.hidden = view.q === null;
      for (const relation of RELATIONS) {
        const box = boxes.get(relation);
        if (box !== undefined) box.checked = view.relations === null || view.relations.includes(relation);
      }
      depthInput.value = view.depth === null ? "" : String(view.depth);
      form.querySelectorAll<HTMLInputElement>('input[name="size"]').forEach((radio) => {
        radio.checked = radio.value === view.size;
      });
      if (view.q !== null) {
        const params = { q: view.q, depth: view.depth ?? undefined, relations: view.relations ?? undefined };
        const name = viewFileName({ ...view, expand: [] });
        gexf.href = exportUrl(params, "gexf");
        gexf.download = `${name}.gexf`;
        gexf12.href = exportUrl(params, "gexf-1.2");
        gexf12.download = `${name}-gexf1.2.gexf`;
      }
    },
  };
}
