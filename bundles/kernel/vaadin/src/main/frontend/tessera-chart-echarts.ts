/*
 * The part of Apache ECharts that <tessera-chart> uses, loaded the first time a chart is shown (its own chunk
 * of the production bundle, so pages without a chart never load it): the bar, line, pie and funnel charts,
 * the grid, legend, title and tooltip components and the SVG renderer.
 */
import { init, use } from 'echarts/core';
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, FunnelChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
  SVGRenderer]);

export { init };
