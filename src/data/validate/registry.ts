/**
 * Name-keyed registry of checks (STYLE.md §6): callers ask for checks by name, and a name can be
 * registered once only, so two checks can never silently shadow each other.
 */
import type { Check } from './types.js';

/**
 * A set of checks keyed by name; iteration follows registration order, so output is stable.
 *
 * @example
 * const reg = new CheckRegistry();
 * reg.register({ name: 'nothing', description: 'Finds nothing.', run: () => [] });
 * reg.get('nothing').name; // 'nothing'
 * reg.register({ name: 'nothing', description: '', run: () => [] }); // throws RangeError
 */
export class CheckRegistry {
  private readonly checks = new Map<string, Check>();

  constructor(checks: readonly Check[] = []) {
    for (const c of checks) this.register(c);
  }

  /** Adds a check; throws a RangeError if its name is already taken. */
  register(check: Check): void {
    if (this.checks.has(check.name)) throw new RangeError(`check '${check.name}' is already registered`);
    this.checks.set(check.name, check);
  }

  has(name: string): boolean {
    return this.checks.has(name);
  }

  /** The check called `name`; throws a RangeError naming the known checks when absent. */
  get(name: string): Check {
    const c = this.checks.get(name);
    if (!c) throw new RangeError(`unknown check '${name}' (known: ${this.names().join(', ')})`);
    return c;
  }

  /** Registered names, in registration order. */
  names(): string[] {
    return [...this.checks.keys()];
  }

  list(): Check[] {
    return [...this.checks.values()];
  }
}
