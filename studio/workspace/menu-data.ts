import type { LocalizedText } from '../../runtime/schema/common';
import { workspaceApi } from './workspace-api';

export interface MenuCategory {
  key: string;
  title: LocalizedText;
  description?: LocalizedText;
  order?: number;
  color?: string;
}

export interface MenuItem {
  key: string;
  title: LocalizedText;
  description?: LocalizedText;
  category: string;
  orderForm?: string;
  workflow?: string;
  active?: boolean;
}

export interface Menu {
  categories: (MenuCategory & { items: MenuItem[] })[];
}

async function latestBodies<B>(kind: string): Promise<B[]> {
  const client = workspaceApi();
  const { items } = await client.definitions(kind);
  const keys = [...new Set(items.map((d) => d.key))];
  return Promise.all(keys.map(async (key) => (await client.definition<B>(kind, key)).body));
}

/** The published menu (供单): categories in their order, each with its active items. */
export async function loadMenu(): Promise<Menu> {
  const [categories, items] = await Promise.all([latestBodies<MenuCategory>('serviceCategory'), latestBodies<MenuItem>('serviceItem')]);
  return {
    categories: categories
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.key.localeCompare(b.key))
      .map((category) => ({ ...category, items: items.filter((item) => item.category === category.key && item.active !== false) })),
  };
}
