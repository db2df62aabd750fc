import type { AddressInput } from '../../../contracts/address';
import { createAddress, deleteAddress, getAddress, updateAddress } from '../../../services/address';
import { addressProblem } from '../../../utils/address';
import { messageOf } from '../../../utils/errors';
import { confirm, toast } from '../../../utils/feedback';
import type { DetailEvent, LoadStatus } from '../../../utils/page';
import { idParam } from '../../../utils/query';
import { chooseWechatAddress } from '../../../services/wechat-address';

type Form = Required<Omit<AddressInput, 'postalCode'>> & { postalCode: string | null };

const BLANK: Form = {
  receiverName: '',
  phone: '',
  province: '',
  city: '',
  district: '',
  detail: '',
  postalCode: null,
  isDefault: false,
};

const regionOf = (f: Form): string[] => (f.province ? [f.province, f.city, f.district] : []);

/** New address (no ?id) or edit one (?id=…). */
Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    addressId: 0,
    form: { ...BLANK },
    region: [] as string[],
    regionText: '',
    saving: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    const id = idParam(query.id);
    this.setData({ addressId: id ?? 0 });
    wx.setNavigationBarTitle({ title: id ? '编辑收货地址' : '新增收货地址' });
    void this.load();
  },

  async load() {
    if (!this.data.addressId) {
      this.setData({ status: 'ready' });
      return;
    }
    this.setData({ status: 'loading' });
    try {
      const { receiverName, phone, province, city, district, detail, postalCode, isDefault } = await getAddress(
        this.data.addressId,
      );
      this.fill({ receiverName, phone, province, city, district, detail, postalCode, isDefault });
      this.setData({ status: 'ready' });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: messageOf(err) });
    }
  },

  fill(form: Form) {
    const region = regionOf(form);
    this.setData({ form, region, regionText: region.join(' ') });
  },

  onField(e: DetailEvent<{ value: string }, { field: 'receiverName' | 'phone' | 'detail' }>) {
    this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
  },

  onRegionChange(e: DetailEvent<{ value: string[] }>) {
    const [province = '', city = '', district = ''] = e.detail.value;
    this.fill({ ...this.data.form, province, city, district });
  },

  onDefaultChange(e: DetailEvent<{ value: boolean }>) {
    this.setData({ 'form.isDefault': e.detail.value });
  },

  async onImport() {
    const input = await chooseWechatAddress(false);
    if (input) this.fill({ ...this.data.form, ...input, postalCode: input.postalCode ?? null });
  },

  async onSave() {
    if (this.data.saving) return;
    const form = this.data.form;
    // Exactly the AddressInput fields: the API refuses unknown ones.
    const input: AddressInput = {
      ...form,
      receiverName: form.receiverName.trim(),
      phone: form.phone.trim(),
      detail: form.detail.trim(),
    };
    const problem = addressProblem(input);
    if (problem) {
      toast(problem);
      return;
    }
    this.setData({ saving: true });
    try {
      if (this.data.addressId) await updateAddress(this.data.addressId, input);
      else await createAddress(input);
      wx.navigateBack();
    } catch {
      // shown by request.ts
    } finally {
      this.setData({ saving: false });
    }
  },

  async onDelete() {
    if (!(await confirm({ content: '确定删除这个地址吗？', confirmText: '删除' }))) return;
    try {
      await deleteAddress(this.data.addressId);
      wx.navigateBack();
    } catch {
      // shown by request.ts
    }
  },
});
