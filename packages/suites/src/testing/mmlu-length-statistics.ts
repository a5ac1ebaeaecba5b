/**
 * MMLU's per-subject test size and 5-shot prompt length in characters, as EvalScope publishes them: the "Data
 * Statistics" table of docs/en/benchmarks/mmlu.md in modelscope/evalscope (commit
 * 04eab032ad43881087511e440782af2005773fb4). Totals there: 14,042 test samples, mean prompt 3212.2 characters.
 *
 * EvalScope counts the characters of its own 5-shot prompt, which is close to but not the same text as
 * lm-evaluation-harness's: the same five dev examples and test question, with choices as "A) …" rather than
 * "A. …", but a 60-character preamble ("Here are some examples…") and a 221-character instruction (answer as
 * "ANSWER: [LETTER]") where lm-evaluation-harness has its 70–103-character description and a closing "Answer:".
 * So its prompts run some 170–200 characters longer; the copy written from these figures takes them as published.
 */
export interface MmluLengthStatistics {
  /** Test questions in the subject. */
  samples: number;
  /** 5-shot prompt length in characters over the subject's test questions. */
  mean: number;
  min: number;
  max: number;
}

export const MMLU_LENGTH_STATISTICS: Readonly<Record<string, MmluLengthStatistics>> = {
  abstract_algebra: { samples: 100, mean: 1256.98, min: 1143, max: 1383 },
  anatomy: { samples: 135, mean: 1446, min: 1306, max: 1783 },
  astronomy: { samples: 152, mean: 2616.64, min: 2401, max: 3191 },
  business_ethics: { samples: 100, mean: 2756.36, min: 2492, max: 3145 },
  clinical_knowledge: { samples: 265, mean: 1680.76, min: 1510, max: 1995 },
  college_biology: { samples: 144, mean: 2104.53, min: 1874, max: 2641 },
  college_chemistry: { samples: 100, mean: 1800.19, min: 1641, max: 2239 },
  college_computer_science: { samples: 100, mean: 3424.74, min: 3129, max: 4137 },
  college_mathematics: { samples: 100, mean: 1972.77, min: 1776, max: 2230 },
  college_medicine: { samples: 173, mean: 2377.62, min: 2005, max: 6779 },
  college_physics: { samples: 102, mean: 1941.26, min: 1757, max: 2237 },
  computer_security: { samples: 100, mean: 1598.89, min: 1414, max: 2238 },
  conceptual_physics: { samples: 235, mean: 1340.77, min: 1246, max: 1572 },
  econometrics: { samples: 114, mean: 2286.2, min: 1976, max: 2708 },
  electrical_engineering: { samples: 145, mean: 1372.1, min: 1279, max: 1578 },
  elementary_mathematics: { samples: 378, mean: 1856.81, min: 1724, max: 2322 },
  formal_logic: { samples: 126, mean: 2338.07, min: 2065, max: 3022 },
  global_facts: { samples: 100, mean: 1644.77, min: 1558, max: 2001 },
  high_school_biology: { samples: 310, mean: 2218.56, min: 1971, max: 2737 },
  high_school_chemistry: { samples: 203, mean: 1740.83, min: 1519, max: 2341 },
  high_school_computer_science: { samples: 100, mean: 3595.34, min: 3224, max: 4732 },
  high_school_european_history: { samples: 165, mean: 13421.12, min: 12392, max: 14626 },
  high_school_geography: { samples: 198, mean: 1849.07, min: 1726, max: 2204 },
  high_school_government_and_politics: { samples: 193, mean: 2355.29, min: 2171, max: 2922 },
  high_school_macroeconomics: { samples: 390, mean: 1861.47, min: 1649, max: 2206 },
  high_school_mathematics: { samples: 270, mean: 1731.31, min: 1591, max: 2224 },
  high_school_microeconomics: { samples: 238, mean: 1849.97, min: 1651, max: 2396 },
  high_school_physics: { samples: 151, mean: 2110.63, min: 1836, max: 2926 },
  high_school_psychology: { samples: 545, mean: 2431.39, min: 2223, max: 3498 },
  high_school_statistics: { samples: 216, mean: 3273.79, min: 2932, max: 4328 },
  high_school_us_history: { samples: 204, mean: 10530.61, min: 9656, max: 11469 },
  high_school_world_history: { samples: 237, mean: 6700.7, min: 5650, max: 8814 },
  human_aging: { samples: 223, mean: 1448.65, min: 1335, max: 1725 },
  human_sexuality: { samples: 131, mean: 1556.02, min: 1412, max: 2250 },
  international_law: { samples: 121, mean: 3094.31, min: 2778, max: 3432 },
  jurisprudence: { samples: 108, mean: 1851.24, min: 1638, max: 2370 },
  logical_fallacies: { samples: 163, mean: 2114.39, min: 1932, max: 2503 },
  machine_learning: { samples: 112, mean: 2852.01, min: 2659, max: 3150 },
  management: { samples: 103, mean: 1326.07, min: 1220, max: 1571 },
  marketing: { samples: 234, mean: 1984.28, min: 1832, max: 2266 },
  medical_genetics: { samples: 100, mean: 1531.32, min: 1409, max: 1775 },
  miscellaneous: { samples: 783, mean: 1121.57, min: 1004, max: 2096 },
  moral_disputes: { samples: 346, mean: 2300.58, min: 2101, max: 2711 },
  moral_scenarios: { samples: 895, mean: 2709.89, min: 2644, max: 2853 },
  nutrition: { samples: 306, mean: 2620.9, min: 2408, max: 3111 },
  philosophy: { samples: 311, mean: 1472.67, min: 1319, max: 2292 },
  prehistory: { samples: 324, mean: 2388.29, min: 2201, max: 2899 },
  professional_accounting: { samples: 282, mean: 2820.72, min: 2515, max: 3400 },
  professional_law: { samples: 1534, mean: 8077.0, min: 6997, max: 10539 },
  professional_medicine: { samples: 272, mean: 4832.72, min: 4380, max: 5802 },
  professional_psychology: { samples: 612, mean: 2860.73, min: 2594, max: 3789 },
  public_relations: { samples: 110, mean: 1991.35, min: 1824, max: 2712 },
  security_studies: { samples: 245, mean: 6405.04, min: 5680, max: 7818 },
  sociology: { samples: 201, mean: 2176.49, min: 1976, max: 2530 },
  us_foreign_policy: { samples: 100, mean: 2129.28, min: 1944, max: 2393 },
  virology: { samples: 166, mean: 1563.11, min: 1426, max: 2507 },
  world_religions: { samples: 171, mean: 1051.68, min: 985, max: 1255 },
};
