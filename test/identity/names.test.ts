import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalNames, keyOfUse, type NameUse, stripLeadingTitles } from '../../src/identity/names.ts';

const person = (name: string, title: string | null = null): NameUse => ({ name, kind: 'person', title });

function resolve(uses: NameUse[]): (use: NameUse) => string {
  const names = canonicalNames(uses);
  return (use) => names.get(keyOfUse(use))!;
}

describe('one identity per person', () => {
  it('drops titles written before a name', () => {
    expect(stripLeadingTitles('East Midlands MEP Robert Kilroy-Silk')).toBe('Robert Kilroy-Silk');
    expect(stripLeadingTitles('Euro MP Robert Kilroy-Silk')).toBe('Robert Kilroy-Silk');
    expect(stripLeadingTitles('Prime Minister Tony Blair')).toBe('Tony Blair');
    expect(stripLeadingTitles('Tony Blair')).toBe('Tony Blair');
    // A title at the end is no prefix: nothing is left after it.
    expect(stripLeadingTitles('Martin Luther King')).toBe('Martin Luther King');
  });

  it('joins a bare surname to the one full name that ends with it', () => {
    const uses = [
      person('Tony Blair'),
      person('Blair'),
      person('MEP Robert Kilroy-Silk'),
      person('Kilroy-Silk'),
    ];
    const canonical = resolve(uses);
    expect(canonical(person('Blair'))).toBe('Tony Blair');
    expect(canonical(person('MEP Robert Kilroy-Silk'))).toBe('Robert Kilroy-Silk');
    expect(canonical(person('Kilroy-Silk'))).toBe('Robert Kilroy-Silk');
  });

  it('leaves a surname two people share apart unless titles or a clear majority decide', () => {
    const even = [person('Gordon Brown'), person('Nick Brown'), person('Brown')];
    expect(resolve(even)(person('Brown'))).toBe('Brown');

    const titled = [
      person('Gordon Brown', 'Chancellor'),
      person('Nick Brown', 'former agriculture minister'),
      person('Brown', 'Chancellor'),
    ];
    expect(resolve(titled)(person('Brown', 'Chancellor'))).toBe('Gordon Brown');

    const dominant = [
      ...Array.from({ length: 9 }, () => person('Gordon Brown')),
      person('Nick Brown'),
      person('Brown'),
    ];
    expect(resolve(dominant)(person('Brown'))).toBe('Gordon Brown');
  });

  it('merges a middle initial into the plain full name', () => {
    const uses = [person('George W Bush'), person('George Bush'), person('Bush')];
    const canonical = resolve(uses);
    expect(canonical(person('George W Bush'))).toBe('George Bush');
    expect(canonical(person('Bush'))).toBe('George Bush');
  });

  it("files an institution's other names under its one name", () => {
    const org = (name: string): NameUse => ({ name, kind: 'organization', title: null });
    const canonical = resolve([org('the Tories'), org('Conservatives'), org('Lib Dems'), org('Acme')]);
    expect(canonical(org('the Tories'))).toBe('Conservative Party');
    expect(canonical(org('Conservatives'))).toBe('Conservative Party');
    expect(canonical(org('Lib Dems'))).toBe('Liberal Democrats');
    expect(canonical(org('Acme'))).toBe('Acme');
  });

  it('never merges organisations or states by surname', () => {
    const uses = [person('Tony Blair'), { name: 'Blair', kind: 'organization' as const, title: null }];
    expect(resolve(uses)({ name: 'Blair', kind: 'organization', title: null })).toBe('Blair');
  });

  it('gives every use a name, and the same name whatever the order of uses', () => {
    const names = fc.constantFrom(
      'Tony Blair',
      'Blair',
      'Gordon Brown',
      'Nick Brown',
      'Brown',
      'MP Ann Clwyd',
      'Clwyd',
    );
    fc.assert(
      fc.property(fc.array(names, { minLength: 1, maxLength: 30 }), (list) => {
        const uses = list.map((n) => person(n));
        const forward = canonicalNames(uses);
        const backward = canonicalNames([...uses].reverse());
        for (const u of uses) {
          expect(forward.get(keyOfUse(u))).toBeTruthy();
          expect(forward.get(keyOfUse(u))).toBe(backward.get(keyOfUse(u)));
        }
      }),
    );
  });
});
