// The one way a catalogue's template gets its values, for every translator of the product (the
// dashboard's catalogue, the tray's): {name} is replaced by the parameter of that name; a name
// with no parameter stays as written, so a caller can still place an element there (renderer's rich()).
export function interpolate(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] !== undefined ? String(params[name]) : whole));
}
