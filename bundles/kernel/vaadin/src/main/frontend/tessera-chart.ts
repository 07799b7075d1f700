/*
 * <tessera-chart>: an Apache ECharts chart for the kit's Java Chart (org.tesseracrm.kernel.ui.kit.Chart).
 *
 * The server sets the ECharts option as a JSON property (`option`); the element draws it in SVG with the
 * colours of the theme (CSS custom properties read when the chart is created), redraws at the size of its
 * container (ResizeObserver) and frees the chart when it leaves the page. Text is drawn as SVG text, never as
 * HTML: tooltips use ECharts' rich-text mode (no HTML tooltip element), and nothing here evaluates code.
 *
 * A click on a bar, point or slice dispatches `chart-click` (bubbling, composed) with
 * `detail = {seriesIndex, dataIndex, name, seriesName}`; `clickPoint(seriesIndex, dataIndex)` dispatches the
 * same event without a mouse, for keyboard-free tests (Selenium: `arguments[0].clickPoint(0, 1)`).
 */
import { LitElement, css, html } from 'lit';
import type { ECharts } from 'echarts/core';

/** ECharts, loaded once, when the first chart is drawn (./tessera-chart-echarts.ts: only the parts used). */
let echarts: Promise<typeof import('./tessera-chart-echarts')> | undefined;

/** The palette's custom properties (themes/tessera/styles.css), in series order. */
const PALETTE = Array.from({ length: 8 }, (_, i) => `--tessera-chart-color-${i + 1}`);

type Option = Record<string, unknown>;

export interface ChartPoint {
  seriesIndex: number;
  dataIndex: number;
  name: string;
  seriesName: string;
}

export class TesseraChart extends LitElement {
  static override properties = {
    option: { type: Object, attribute: false },
  };

  static override styles = css`
    :host {
      display: block;
      position: relative;
      width: 100%;
      height: 320px;
      min-height: 160px;
    }
    .chart {
      position: absolute;
      inset: 0;
    }
  `;

  /** The ECharts option, set from the server as JSON. */
  declare option: Option | null;

  private chart?: ECharts;
  private observer?: ResizeObserver;

  constructor() {
    super();
    this.option = null;
  }

  protected override render() {
    return html`<div class="chart" part="chart"></div>`;
  }

  protected override firstUpdated() {
    void this.create();
  }

  protected override updated(changed: Map<PropertyKey, unknown>) {
    if (changed.has('option')) {
      this.draw();
    }
  }

  override connectedCallback() {
    super.connectedCallback();
    // Moved or re-attached by the server: draw again in the element's new place.
    if (this.hasUpdated) {
      void this.create();
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = undefined;
    this.chart?.dispose();
    this.chart = undefined;
  }

  /**
   * Dispatches `chart-click` for a data point as a mouse click on it would, for tests and keyboard use.
   *
   * @param seriesIndex the series, from 0
   * @param dataIndex the category (bar, line) or slice (pie, donut, funnel), from 0
   * @return whether the point exists
   */
  clickPoint(seriesIndex: number, dataIndex: number): boolean {
    const point = this.point(seriesIndex, dataIndex);
    if (point) {
      this.clicked(point);
    }
    return point !== undefined;
  }

  private async create() {
    echarts ??= import('./tessera-chart-echarts').catch((error: unknown) => {
      echarts = undefined; // tried again by the next chart
      throw error;
    });
    const { init } = await echarts;
    const container = this.renderRoot.querySelector<HTMLElement>('.chart');
    // Gone again, or drawn by an earlier call, while ECharts was loading.
    if (!container || !this.isConnected || this.chart) {
      return;
    }
    this.chart = init(container, this.theme(), { renderer: 'svg' });
    this.chart.on('click', (params) => {
      const point = this.point(params.seriesIndex ?? -1, params.dataIndex);
      if (point) {
        this.clicked(point);
      }
    });
    this.observer = new ResizeObserver(() => this.chart?.resize());
    this.observer.observe(this);
    this.draw();
  }

  private draw() {
    if (!this.chart) {
      return;
    }
    const option: Option = { ...(this.option ?? {}) };
    // Tooltips are drawn as text in the chart, never as an HTML element, whatever the option says.
    if (option.tooltip && typeof option.tooltip === 'object') {
      option.tooltip = { ...(option.tooltip as Option), renderMode: 'richText' };
    }
    this.chart.setOption(option, { notMerge: true });
  }

  private clicked(point: ChartPoint) {
    this.dispatchEvent(new CustomEvent<ChartPoint>('chart-click', { detail: point, bubbles: true, composed: true }));
  }

  /** The point at the indexes in the option, named as the server named it; undefined if there is none. */
  private point(seriesIndex: number, dataIndex: number): ChartPoint | undefined {
    const series = (this.option?.series as Option[] | undefined)?.[seriesIndex];
    const data = series?.data as unknown[] | undefined;
    if (!series || !data || !Number.isInteger(dataIndex) || dataIndex < 0 || dataIndex >= data.length) {
      return undefined;
    }
    const item = data[dataIndex];
    const axis = this.option?.xAxis as Option | undefined;
    const categories = axis?.data as unknown[] | undefined;
    const name = item !== null && typeof item === 'object' && 'name' in item ? (item as Option).name
      : categories?.[dataIndex];
    return { seriesIndex, dataIndex, name: String(name ?? ''), seriesName: String(series.name ?? '') };
  }

  /** An ECharts theme from the page's CSS: the chart palette, Lumo's text colours and font. */
  private theme(): Option {
    const style = getComputedStyle(this);
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const text = read('--lumo-body-text-color', '#1f2a37');
    const secondary = read('--lumo-secondary-text-color', '#5b6675');
    const line = read('--lumo-contrast-20pct', '#d0d5dc');
    const split = read('--lumo-contrast-10pct', '#e8ebef');
    const colors = PALETTE.map((name) => read(name, '')).filter((color) => color !== '');
    const axis = {
      axisLine: { lineStyle: { color: line } },
      axisTick: { lineStyle: { color: line } },
      axisLabel: { color: secondary },
      splitLine: { lineStyle: { color: split } },
      nameTextStyle: { color: secondary },
    };
    return {
      ...(colors.length > 0 ? { color: colors } : {}),
      backgroundColor: 'transparent',
      textStyle: { color: text, fontFamily: read('--lumo-font-family', 'sans-serif') },
      title: { textStyle: { color: text }, subtextStyle: { color: secondary } },
      legend: { textStyle: { color: secondary } },
      categoryAxis: axis,
      valueAxis: axis,
    };
  }
}

if (!customElements.get('tessera-chart')) {
  customElements.define('tessera-chart', TesseraChart);
}

declare global {
  interface HTMLElementTagNameMap {
    'tessera-chart': TesseraChart;
  }
}
