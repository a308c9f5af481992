import { describe, expect, it } from 'vitest';
import { decisionNumberKey, keyMatches, nameKey } from '#src/text/lookup-keys.ts';

describe('decisionNumberKey', () => {
  it.each([
    ['38/QĐ-VKSTC', '38 qd vkstc'],
    ['38/QD-VKSTC', '38 qd vkstc'],
    ['38 qđ vkstc', '38 qd vkstc'],
    ['38/qd-vkstc', '38 qd vkstc'],
    ['38QĐ-VKSTC', '38 qd vkstc'],
    ['  38 / QĐ – VKSTC ', '38 qd vkstc'],
    ['38/QÐ-VKSTC', '38 qd vkstc'], // the look-alike eth that copy-paste brings
    ['1234/QĐ-TLĐ', '1234 qd tld'],
    ['38/QĐ-VKSTC'.normalize('NFD'), '38 qd vkstc'],
    ['12/2023/QĐ-UBND', '12 2023 qd ubnd'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(decisionNumberKey(input)).toBe(expected);
  });
});

describe('nameKey', () => {
  it.each([
    ['Nguyễn Văn Á', 'nguyen van a'],
    ['nguyen van a', 'nguyen van a'],
    ['ĐẶNG THỊ HỒNG', 'dang thi hong'],
    ['Đặng\u00a0Thị  Hồng', 'dang thi hong'],
    ['Trần Thị Thu Hà'.normalize('NFD'), 'tran thi thu ha'],
  ])('%j → %j', (input, expected) => {
    expect(nameKey(input)).toBe(expected);
  });
});

describe('keyMatches', () => {
  it.each([
    ['38 qd vkstc', '38 qd vkstc', true],
    ['38 qd vkstc', '38 qd', true],
    ['38 qd vkstc', 'qd vkstc', true],
    ['138 qd vkstc', '38 qd', false],
    ['38 qd vkstc', '38 qd vks', true],
    ['38 qd vkstc', '39 qd', false],
    ['nguyen van an', 'van a', true],
    ['nguyen van an', '', true],
  ])('%j contains %j: %s', (record, query, expected) => {
    expect(keyMatches(record, query)).toBe(expected);
  });

  it('every written form of a decision number finds it', () => {
    const record = decisionNumberKey('38/QĐ-VKSTC');
    for (const typed of ['38/QĐ-VKSTC', '38/QD-VKSTC', '38 qđ vkstc', '38/qd-vkstc'])
      expect(keyMatches(record, decisionNumberKey(typed)), typed).toBe(true);
  });
});
