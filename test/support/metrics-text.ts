/** Reads one sample's value from Prometheus text output; 0 when the series is absent. */
export function sampleValue(metricsText: string, name: string, labels: Record<string, string>): number {
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.indexOf('}'));
    const found = Object.fromEntries(
      labelText.split(',').map((pair) => pair.split('=') as [string, string]).map(([k, v]) => [k, v?.replace(/^"|"$/g, '')]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}
