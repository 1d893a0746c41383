import { categoryKey } from './police-categories.ts';

export interface NamedMetric {
  id: string;
  key: string;
  name: string;
  aliases: string[];
}

/**
 * Finds a metric by its name, key or any alias, ignoring case, spaces and punctuation:
 * "hate crime", "Hate Crime" and "hate-crime" are one.
 */
export class MetricNames {
  private readonly byName = new Map<string, NamedMetric>();

  constructor(readonly metrics: readonly NamedMetric[]) {
    for (const metric of metrics)
      for (const name of [metric.key, metric.name, ...metric.aliases]) {
        const key = categoryKey(name);
        if (key && !this.byName.has(key)) this.byName.set(key, metric);
      }
  }

  find(name: string): NamedMetric | undefined {
    return this.byName.get(categoryKey(name));
  }
}
