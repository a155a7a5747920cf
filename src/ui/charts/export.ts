/**
 * Chart export: a chart's SVG as a standalone file (fonts and colours inline, so it opens the same
 * anywhere) or rendered to PNG through a canvas, and the one download helper every export uses.
 * An exported chart carries what it shows on the page around it — title, what it is about (the
 * scenarios, replications and seed), its description with the units, and the legend — so the file
 * still makes sense pasted into a briefing.
 */
import type { LegendItem } from './types.ts';

export interface ExportLabels {
  title: string;
  /** Lines under the title: the scenarios and run, the description. */
  notes?: string[];
  legend?: LegendItem[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';

const EXPORT_STYLE =
  'svg{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:12px;background:#fff}text{fill:#1f2933}';

export function svgText(svg: SVGSVGElement, labels?: ExportLabels): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(standalone(svg, labels).svg);
}

/** The chart inside a page of its own: title and notes above, legend below, white behind. */
function standalone(svg: SVGSVGElement, labels?: ExportLabels): { svg: SVGSVGElement; width: number; height: number } {
  const chart = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.viewBox.baseVal;
  const width = box?.width || svg.clientWidth || 800;
  const chartHeight = box?.height || svg.clientHeight || 400;
  chart.setAttribute('width', String(width));
  chart.setAttribute('height', String(chartHeight));
  const el = <K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string) => {
    const node = document.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const notes = labels?.notes?.filter(Boolean) ?? [];
  const legend = labels?.legend ?? [];
  const top = labels ? 30 + notes.length * 17 : 0;
  const bottom = legend.length > 1 ? 28 : 0;
  const height = top + chartHeight + bottom;
  const page = el('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}` });
  page.append(el('style', {}, EXPORT_STYLE), el('rect', { width: '100%', height: '100%', fill: '#fff' }));
  if (labels) {
    page.append(el('text', { x: 8, y: 21, 'font-size': 16, 'font-weight': 700 }, labels.title));
    notes.forEach((line, i) => page.append(el('text', { x: 8, y: 40 + i * 17, 'font-size': 12, fill: '#52606d' }, line)));
  }
  chart.setAttribute('y', String(top));
  page.append(chart);
  let x = 8;
  for (const item of legend.length > 1 ? legend : []) {
    const y = top + chartHeight + 16;
    page.append(el('line', { x1: x, x2: x + 24, y1: y - 4, y2: y - 4, stroke: item.color, 'stroke-width': 3, 'stroke-dasharray': item.dash ?? '' }));
    page.append(el('text', { x: x + 30, y, 'font-size': 12 }, item.name));
    x += 30 + item.name.length * 6.8 + 18;
  }
  return { svg: page, width, height };
}

export function svgToPng(svg: SVGSVGElement, labels?: ExportLabels, scale = 2): Promise<Blob> {
  const { width: w, height: h } = standalone(svg, labels);
  const text = svgText(svg, labels);
  const width = w * scale;
  const height = h * scale;
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) return reject(new Error('Canvas unavailable'));
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
  });
}

export function download(content: Blob | string, fileName: string, type = 'application/octet-stream'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function fileSlug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';
}
