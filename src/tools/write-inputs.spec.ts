import { labelsInput, optionalVersionInput, versionInput } from './write-inputs';

describe('write inputs', () => {
  it('reads a version from a number or digits and refuses anything else with what was expected', () => {
    expect(versionInput.parse(4)).toBe(4);
    expect(versionInput.parse(' 12 ')).toBe(12);
    for (const bad of [0, -1, 1.5, 'v3', '']) {
      const result = versionInput.safeParse(bad);
      expect(result.success).toBe(false);
      expect(JSON.stringify(result.error?.issues)).toMatch(/version/);
    }
    expect(optionalVersionInput.parse(undefined)).toBeUndefined();
  });

  it('lower-cases labels, accepts one label as a list, drops duplicates and refuses forbidden characters', () => {
    expect(labelsInput.parse('Release')).toEqual(['release']);
    expect(labelsInput.parse(['a-b', 'A-B', 'c_d'])).toEqual(['a-b', 'c_d']);
    for (const bad of [['two words'], ['a:b'], ['x#'], [], ['']]) {
      expect(labelsInput.safeParse(bad).success).toBe(false);
    }
  });
});
