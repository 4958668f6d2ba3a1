// The detector, for the benchmark (`@poolgraph/alerts/detection`).
export * from './spike.ts';
export * from './spikeDetector.ts';
