// Node labels drawn on a pale backing, so an id stays readable where the tree's rows pack nodes tightly and
// edges cross under it. Same font, size and placement as sigma's own label, right of the node.

export interface LabelData {
  x: number;
  y: number;
  size: number;
  label?: string | null;
}

export interface LabelSettings {
  labelSize: number;
  labelWeight: string;
  labelFont: string;
}

const BACKING = "rgba(255, 255, 255, 0.82)";
const INK = "#1d232b";

export function drawBackedLabel(context: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): void {
  if (!data.label) return;
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const x = data.x + data.size + 3;
  const width = context.measureText(data.label).width;
  context.fillStyle = BACKING;
  context.fillRect(x - 2, data.y - size / 2 - 2, width + 4, size + 4);
  context.fillStyle = INK;
  context.fillText(data.label, x, data.y + size / 3);
}
