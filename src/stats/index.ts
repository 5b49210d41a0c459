// shuangsuiji/stats — fairness statistics and simulations for test engineers.
export { stage1Sampler, CANARY_SAMPLERS, type Sampler } from "./samplers.js";
export { simulateInclusion, runSeed, type InclusionCounts } from "./simulateInclusion.js";
export { inclusionChiSquare, binomialBounds, adjacentPairTest, subsetUniformityTest, pooledChiSquare, requiredRuns, type TestResult } from "./tests.js";
export { simulateInspectorDraws, inspectorCounts, type InspectorSimulation } from "./simulateInspectorDraws.js";
export { chiSquareCdf, chiSquareSf, chiSquareQuantile, binomialCdf, normalQuantile } from "./_dist.js";
export { assessFairness, type FairnessReport, type ReportTest, type StratumFairness } from "./assessFairness.js";
export { renderFairnessHtml, type RenderFairnessHtmlOptions } from "./renderFairnessHtml.js";
