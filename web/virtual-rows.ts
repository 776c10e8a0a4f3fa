// A virtual scroller for rows of one fixed height: a spacer as tall as every row, and only the rows in sight (and a
// few more) in the page, so 100,000 rows scroll as lightly as 100. Written here rather than taken from a library:
// the row height is fixed, so the arithmetic is a few lines, and the small libraries for it either build rows from
// HTML strings (clusterize.js, against the rule that data reaches the page only as text) or need a framework.

export interface VirtualRows {
  /** Shows `count` rows; `render(index, element)` fills a row's element whenever it comes into sight. */
  setCount(count: number): void;
  /** Draws the rows in sight again (their content changed). */
  refresh(): void;
  /** Scrolls the least needed to bring row `index` into sight. */
  reveal(index: number): void;
  /** The first and last row index in sight. */
  visible(): { first: number; last: number };
}

const OVERSCAN = 8;

export function createVirtualRows(
  viewport: HTMLElement,
  rowHeight: number,
  render: (index: number, element: HTMLElement) => void,
): VirtualRows {
  const spacer = document.createElement("div");
  spacer.className = "virtual-spacer";
  viewport.replaceChildren(spacer);
  let count = 0;
  const pool: HTMLElement[] = [];
  let frame = 0;

  function draw(): void {
    frame = 0;
    const first = Math.max(0, Math.floor(viewport.scrollTop / rowHeight) - OVERSCAN);
    const last = Math.min(count, Math.ceil((viewport.scrollTop + viewport.clientHeight) / rowHeight) + OVERSCAN);
    const needed = Math.max(0, last - first);
    while (pool.length < needed) {
      const element = document.createElement("div");
      pool.push(element);
      spacer.append(element);
    }
    pool.forEach((element, k) => {
      const index = first + k;
      element.hidden = k >= needed;
      if (k >= needed) return;
      element.style.transform = `translateY(${index * rowHeight}px)`;
      render(index, element);
    });
  }

  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(draw);
  };
  viewport.addEventListener("scroll", schedule, { passive: true });
  new ResizeObserver(schedule).observe(viewport);

  return {
    setCount(next: number) {
      count = next;
      spacer.style.height = `${count * rowHeight}px`;
      draw();
    },
    refresh: draw,
    reveal(index: number) {
      const top = index * rowHeight;
      if (top < viewport.scrollTop) viewport.scrollTop = top;
      else if (top + rowHeight > viewport.scrollTop + viewport.clientHeight)
        viewport.scrollTop = top + rowHeight - viewport.clientHeight;
      draw();
    },
    visible() {
      const first = Math.floor(viewport.scrollTop / rowHeight);
      return { first, last: Math.min(count, Math.ceil((viewport.scrollTop + viewport.clientHeight) / rowHeight)) - 1 };
    },
  };
}
