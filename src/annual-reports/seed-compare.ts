// Where the console shows the demo agency's 2021 report as it was published (the seed)
// beside the one composed here (see demo.ts and pages/seed-page.tsx).
export const SEED_COMPARE_PATH = '/console/annual-reports/seed-2021';
