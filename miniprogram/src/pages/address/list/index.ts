import { MAX_ADDRESSES, type Address } from '../../../contracts/address';
import { createAddress, deleteAddress, listAddresses, updateAddress } from '../../../services/address';
import { chooseWechatAddress } from '../../../services/wechat-address';
import { fullAddress, maskPhone } from '../../../utils/address';
import { confirm, toast } from '../../../utils/feedback';
import type { LoadStatus, Tap } from '../../../utils/page';
import { withQuery } from '../../../utils/query';
import { HANDOFF, routes } from '../../../utils/routes';
import { loadInto } from '../../../utils/load';

type AddressView = Address & { phoneText: string; line: string };

/** The address book; with ?select=1 (from checkout) tapping an address picks it and goes back. */
Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    addresses: [] as AddressView[],
    full: false,
  },
  selecting: false,

  onLoad(query: Record<string, string | undefined>) {
    this.selecting = query.select === '1';
    if (this.selecting) wx.setNavigationBarTitle({ title: '选择收货地址' });
  },

  onShow() {
    void this.load(this.data.status === 'ready');
  },

  load(quiet: unknown = false) {
    return loadInto(this, quiet, async () => {
      const addresses = await listAddresses();
      this.setData({
        status: addresses.length === 0 ? 'empty' : 'ready',
        addresses: addresses.map((a) => ({ ...a, phoneText: maskPhone(a.phone), line: fullAddress(a) })),
        full: addresses.length >= MAX_ADDRESSES,
      });
    });
  },

  pick(id: number) {
    wx.setStorageSync(HANDOFF.checkoutAddress, id);
    wx.navigateBack();
  },

  onAddressTap(e: Tap<{ id: number }>) {
    if (this.selecting) this.pick(e.currentTarget.dataset.id);
    else wx.navigateTo({ url: withQuery(routes.addressEdit, { id: e.currentTarget.dataset.id }) });
  },

  onEdit(e: Tap<{ id: number }>) {
    wx.navigateTo({ url: withQuery(routes.addressEdit, { id: e.currentTarget.dataset.id }) });
  },

  onAdd() {
    if (this.data.full) {
      toast(`最多保存 ${MAX_ADDRESSES} 个地址`);
      return;
    }
    wx.navigateTo({ url: routes.addressEdit });
  },

  async onSetDefault(e: Tap<{ id: number }>) {
    try {
      await updateAddress(e.currentTarget.dataset.id, { isDefault: true });
      await this.load(true);
    } catch {
      // shown by request.ts
    }
  },

  async onDelete(e: Tap<{ id: number }>) {
    if (!(await confirm({ content: '确定删除这个地址吗？', confirmText: '删除' }))) return;
    try {
      await deleteAddress(e.currentTarget.dataset.id);
    } catch {
      // shown by request.ts
    }
    await this.load(true);
  },

  /** wx.chooseAddress → saved straight into the address book (and picked, when selecting). */
  async onImport() {
    const input = await chooseWechatAddress();
    if (!input) return;
    try {
      const saved = await createAddress(input);
      if (this.selecting) this.pick(saved.id);
      else await this.load(true);
    } catch {
      // shown by request.ts
    }
  },
});
