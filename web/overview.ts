// The overview shown when nothing is searched: what the viewer answers and how to ask, then the largest org families
// (/api/top-orgs) and the models with the most descendants (/api/top), as cards that open the family on click.

import { api } from "./api.js";

function card(title: string, detail: string, onOpen: () => void): HTMLLIElement {
  const item = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "card";
  const name = document.createElement("span");
  name.className = "card-title";
  name.textContent = title;
  const line = document.createElement("span");
  line.className = "card-detail";
  line.textContent = detail;
  button.append(name, line);
  button.addEventListener("click", onOpen);
  item.append(button);
  return item;
}

function section(heading: string, items: HTMLLIElement[]): HTMLElement {
  const part = document.createElement("section");
  const title = document.createElement("h2");
  title.textContent = heading;
  const list = document.createElement("ul");
  list.className = "cards";
  list.append(...items);
  part.append(title, list);
  return part;
}

const count = (value: number) => value.toLocaleString("en-US");

export async function renderOverview(container: HTMLElement, onOpen: (query: string) => void): Promise<void> {
  const [orgs, top] = await Promise.all([api.topOrgs(12), api.top("descendants", 12)]);
  const intro = document.createElement("p");
  intro.className = "overview-intro";
  intro.textContent =
    "Every model built on another: fine-tunes, adapters, quantizations and merges, followed through every " +
    "generation. Type a model id or an org in the search box (or paste its Hub page; / goes there), or open " +
    "one of the families below.";
  container.replaceChildren(
    intro,
    section(
      "Largest org families",
      orgs.orgs.map((org) =>
        card(org.org, `${count(org.descendants)} derived models from ${count(org.models)} own`, () => onOpen(org.org)),
      ),
    ),
    section(
      "Models with the most descendants",
      top.models.map((model) =>
        card(model.id, `${model.value === null ? "—" : count(model.value)} descendants`, () => onOpen(model.id)),
      ),
    ),
  );
}
