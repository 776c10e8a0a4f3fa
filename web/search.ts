// The search box: suggestions from /api/search while typing (debounced, stale answers dropped), arrow keys to
// move, Enter to open, Escape to close, a line saying so when nothing matches; an ARIA combobox so it reads right
// to screen readers too.

import { api, type SearchResult } from "./api.js";

const DEBOUNCE_MS = 150;
const LIMIT = 10;

export interface SearchBox {
  setValue(value: string): void;
}

function describe(result: SearchResult): string {
  const what = result.kind === "org" ? "org" : "model";
  return `${what} · ${result.descendants.toLocaleString("en-US")} descendants`;
}

export function createSearchBox(
  input: HTMLInputElement,
  list: HTMLUListElement,
  onChoose: (query: string) => void,
): SearchBox {
  let results: SearchResult[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | null = null;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  list.setAttribute("role", "listbox");

  const close = () => {
    results = [];
    active = -1;
    list.replaceChildren();
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };

  const choose = (query: string) => {
    pending?.abort();
    clearTimeout(timer);
    close();
    input.value = query;
    if (query.trim() !== "") onChoose(query.trim());
  };

  const render = () => {
    list.replaceChildren(
      ...results.map((result, index) => {
        const item = document.createElement("li");
        item.id = `${list.id}-${index}`;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", String(index === active));
        item.dataset.id = result.id;
        const name = document.createElement("span");
        name.className = "suggestion-id";
        name.textContent = result.id;
        const detail = document.createElement("span");
        detail.className = "suggestion-detail";
        detail.textContent = describe(result);
        item.append(name, detail);
        item.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(result.id);
        });
        return item;
      }),
    );
    list.hidden = results.length === 0;
    input.setAttribute("aria-expanded", String(results.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };

  const lookUp = async (text: string) => {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    try {
      const found = await api.search(text, LIMIT, controller.signal);
      if (controller.signal.aborted || input.value.trim() !== text) return;
      results = found;
      active = -1;
      render();
      if (found.length === 0) {
        const item = document.createElement("li");
        item.className = "no-match";
        item.setAttribute("aria-disabled", "true");
        item.textContent = `No model or org name contains "${text}".`;
        list.replaceChildren(item);
        list.hidden = false;
      }
    } catch (error) {
      if ((error as Error).name !== "AbortError") close();
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length === 0) {
      pending?.abort();
      close();
      return;
    }
    timer = setTimeout(() => void lookUp(text), DEBOUNCE_MS);
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (results.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      // Positions run from -1 (the typed text) to the last suggestion, and wrap around.
      const next = active + step;
      active = next < -1 ? results.length - 1 : next >= results.length ? -1 : next;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(results[active]?.id ?? input.value);
    } else if (event.key === "Escape") {
      close();
    }
  });

  input.addEventListener("blur", () => close());
  close();

  return {
    setValue(value: string) {
      input.value = value;
    },
  };
}
