/** The context key under which a results view tells its charts what they are about, for exports. */
export const CHART_SOURCE = Symbol('chart-source');
