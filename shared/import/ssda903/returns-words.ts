// The SSDA903 returns in the words the Data step and the backend's messages use: "1,234 placement episodes
// for 456 children, from the returns for 2016-17 to 2020-21". Figures go through people-format.
import type { ReturnsSummary } from '../../contracts/schemas.ts';
import { countForPeople } from '../../text/people-format.ts';

/** The collection year a return's 31 March ends: "2020-21". */
export function collectionYear(yearEnding: string): string {
  const year = Number(yearEnding.slice(0, 4));
  return `${year - 1}-${String(year % 100).padStart(2, '0')}`;
}

const plural = (n: number, one: string, many: string) => `${countForPeople(n)} ${n === 1 ? one : many}`;

/** "1,234 placement episodes for 456 children, from the returns for 2016-17 to 2020-21 (5 returns)". */
export function returnsInWords(held: ReturnsSummary): string {
  const first = collectionYear(held.firstYearEnding);
  const last = collectionYear(held.lastYearEnding);
  const years = first === last ? `from the return for ${first}` : `from the returns for ${first} to ${last}`;
  const returns = held.returns > 1 && first !== last ? ` (${plural(held.returns, 'return', 'returns')})` : '';
  return `${plural(held.episodes, 'placement episode', 'placement episodes')} for ${plural(held.children, 'child', 'children')}, ${years}${returns}`;
}
