/**
 * A name-keyed registry (STYLE.md §6): losses, metrics, model loaders, drift tests are looked up by
 * name. Registering a name twice throws (two modules claiming one name is a bug); an unknown name
 * is a user-facing SpecmlError with a did-you-mean hint.
 *
 * @example
 * const losses = new Registry<Loss>('loss');
 * losses.register('squared_error', squaredError);
 * losses.get('squared_eror'); // SpecmlError: unknown loss 'squared_eror' (did you mean 'squared_error'?)
 */
import { SpecmlError } from './errors.js';
import { closest } from './suggest.js';

export class Registry<T> {
  private readonly items = new Map<string, T>();

  /** `what` names the kind of thing in messages ("loss", "metric", "model"). */
  constructor(readonly what: string) {}

  register(name: string, item: T): void {
    if (this.items.has(name)) throw new Error(`${this.what} '${name}' is registered twice`);
    this.items.set(name, item);
  }

  has(name: string): boolean {
    return this.items.has(name);
  }

  get(name: string): T {
    const item = this.items.get(name);
    if (item !== undefined) return item;
    const near = closest(name, this.names());
    throw new SpecmlError(`usage.unknown_${this.what.replace(/\W+/g, '_')}`, `unknown ${this.what} '${name}'`, {
      hint: near ? `Did you mean '${near}'? Known: ${this.names().join(', ')}` : `Known: ${this.names().join(', ')}`,
    });
  }

  names(): string[] {
    return [...this.items.keys()].sort();
  }
}
