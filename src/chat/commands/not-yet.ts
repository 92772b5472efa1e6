/** Commands first answered here before their feature existed; each now lives in its own module. */

/** `/leaderboard` answers from the snapshots (./leaderboard.ts); re-exported so the router's import stays. */
export { leaderboard } from './leaderboard.ts';
/** `/trends` now answers from the saved trend reports (./trends.ts); re-exported so the router's import stays. */
export { trends } from './trends.ts';
