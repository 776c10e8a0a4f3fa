// The panel's answers along the lineage for one model, filled in as they arrive: its runnable copies, adapters and
// siblings, and a "path to…" form that draws the derivation paths between it and another model.

import { api } from "./api.js";
import { copiesSection } from "./copies-panel.js";
import { siblingsSection } from "./siblings-panel.js";

export interface AnswerActions {
  select(id: string): void;
  showPath(from: string, to: string): void;
}

function pathForm(id: string, actions: AnswerActions): HTMLFormElement {
  const form = document.createElement("form");
  form.className = "path-form";
  const label = document.createElement("label");
  label.textContent = "Path to… ";
  const input = document.createElement("input");
  input.type = "text";
  input.name = "to";
  input.placeholder = "another model id";
  input.spellcheck = false;
  input.autocomplete = "off";
  label.append(input);
  const button = document.createElement("button");
  button.type = "submit";
  button.textContent = "Draw the paths";
  form.append(label, button);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const to = input.value.trim();
    if (to !== "" && to !== id) actions.showPath(id, to);
  });
  return form;
}

/** A section that says what failed in place of its answer, so one failing route never hides the others. */
function failed(what: string, error: unknown): HTMLElement {
  const note = document.createElement("p");
  note.className = "notice";
  note.textContent = `${what}: ${(error as Error).message}`;
  return note;
}

/** The answers' sections for a model; each is put in place when its route answers (unless the panel moved on). */
export function answerSections(id: string, signal: AbortSignal, actions: AnswerActions): HTMLElement {
  const container = document.createElement("div");
  container.className = "answers";
  const slots = [0, 1, 2].map(() => container.appendChild(document.createElement("div")));
  container.append(pathForm(id, actions));
  const fill = (slot: number, what: string, answer: Promise<HTMLElement>) =>
    answer
      .then((section) => slots[slot]?.replaceChildren(section))
      .catch((error: unknown) => {
        if (!signal.aborted) slots[slot]?.replaceChildren(failed(what, error));
      });
  void fill(
    0,
    "runnable copies",
    api.quants(id, signal).then((report) => copiesSection(report, actions.select)),
  );
  void fill(
    1,
    "adapters",
    api.adapters(id, signal).then((report) => copiesSection(report, actions.select)),
  );
  void fill(
    2,
    "siblings",
    api.siblings(id, signal).then((report) => siblingsSection(report, actions.select)),
  );
  return container;
}
