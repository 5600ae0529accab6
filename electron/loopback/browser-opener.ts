// Which program `npm run dev:web` asks to open the link: BROWSER=none opens nothing (as in other
// developer tools), BROWSER=<program> opens that program, otherwise the system's own opener.
export function browserCommand(url: string, env: Record<string, string | undefined>, platform: string, argv: readonly string[] = []): [string, string[]] | null {
  if (argv.includes('--no-open')) return null;
  const chosen = env.BROWSER?.trim();
  if (chosen && chosen.toLowerCase() === 'none') return null;
  if (chosen) return [chosen, [url]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  if (platform === 'darwin') return ['open', [url]];
  return ['xdg-open', [url]];
}
