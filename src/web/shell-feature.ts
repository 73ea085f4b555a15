// The site shell: static files (styles, fonts) and the display-mode switch (标准字号 /
// 大字号 / 长辈版) that every page links to.
import { displayRoutes } from './display.js';
import type { Feature } from './feature.js';
import { staticRoutes } from './static-assets.js';

export const staticFeature: Feature = { name: 'static', routes: staticRoutes };
export const displayFeature: Feature = { name: 'display', routes: displayRoutes };
