import { CommonError } from '../errors';
import { contentRange, likePattern, parseListQuery } from './list-query';

const spec = {
  sortable: ['name', 'createdAt'],
  defaultSort: { field: 'name', order: 'ASC' as const },
  filters: { q: 'string' as const, active: 'boolean' as const },
};

describe('react-admin list parameters', () => {
  it('reads sort, range and filter the way ra-data-simple-rest sends them', () => {
    const q = parseListQuery(
      { sort: '["createdAt","DESC"]', range: '[25,49]', filter: '{"q":"kaffe","active":true,"id":"6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"}' },
      spec,
    );
    expect(q).toEqual({
      offset: 25,
      limit: 25,
      sort: { field: 'createdAt', order: 'DESC' },
      filter: { q: 'kaffe', active: true, id: ['6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f'] },
    });
  });

  it('names each bad parameter', () => {
    try {
      parseListQuery({ sort: '["password","ASC"]', range: '[5,1]', filter: '{"nope":1' }, spec);
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(CommonError);
      expect((error as CommonError).details.map((d) => d.field)).toEqual(['sort', 'range', 'filter']);
    }
  });

  it('refuses unknown filters and wrong filter types', () => {
    expect(() => parseListQuery({ filter: '{"storeId":"x"}' }, spec)).toThrow(/filter.storeId/);
    expect(() => parseListQuery({ filter: '{"active":"yes"}' }, spec)).toThrow(/filter.active/);
    expect(() => parseListQuery({ filter: '{"id":["1 OR 1=1"]}' }, spec)).toThrow(/filter.id: must be an id or ids/);
  });

  it('writes Content-Range for a page and for an empty list', () => {
    expect(contentRange('stores', { items: [1, 2], total: 12, offset: 10 })).toBe('stores 10-11/12');
    expect(contentRange('stores', { items: [], total: 0, offset: 0 })).toBe('stores 0-0/0');
  });

  it('escapes LIKE wildcards in searches', () => {
    expect(likePattern('50%_off')).toBe('%50\\%\\_off%');
  });
});
