export type Strategy = 'nearest' | 'lowest_cost' | 'priority';
export type ShortagePolicy = 'ship_available' | 'split' | 'wait';

/** How orders are allocated: `default`, or one channel's own setting (its id). */
export interface AllocationSetting {
  id: string;
  channelId: string | null;
  strategies: Strategy[];
  shortagePolicy: ShortagePolicy;
  warehouseIds: string[];
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** The form edits the strategies as first, second and third choice. */
export interface AllocationSettingForm extends AllocationSetting {
  strategy1?: Strategy | null;
  strategy2?: Strategy | null;
  strategy3?: Strategy | null;
}

export const STRATEGIES: Strategy[] = ['nearest', 'lowest_cost', 'priority'];
export const POLICIES: ShortagePolicy[] = ['ship_available', 'split', 'wait'];

export const toForm = (record: AllocationSetting): AllocationSettingForm => ({
  ...record,
  strategy1: record.strategies[0] ?? null,
  strategy2: record.strategies[1] ?? null,
  strategy3: record.strategies[2] ?? null,
});

/** What the API takes: the chosen strategies in order, without blanks or repeats. */
export const fromForm = (form: Partial<AllocationSettingForm>) => {
  const { strategy1, strategy2, strategy3, ...rest } = form;
  const strategies = [...new Set([strategy1, strategy2, strategy3].filter((s): s is Strategy => !!s))];
  return {
    ...(rest.channelId && rest.id === undefined ? { channelId: rest.channelId } : {}),
    strategies,
    shortagePolicy: rest.shortagePolicy,
    warehouseIds: rest.warehouseIds ?? [],
  };
};
