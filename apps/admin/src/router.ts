import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { useSession } from './stores/session';

/** `meta.api`: the route the screen first reads; the menu shows screens the role may read. */
declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    api?: string;
    menu?: boolean;
  }
}

// Each screen is its own chunk: only sign-in and the layout load up front (bundle budget).
export const screens: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('./pages/dashboard/DashboardPage.vue'),
    meta: { title: '数据概览', api: 'GET /admin/analytics/daily-sales', menu: true },
  },
  {
    path: 'products',
    name: 'products',
    component: () => import('./pages/products/ProductListPage.vue'),
    meta: { title: '商品', api: 'GET /admin/products', menu: true },
  },
  {
    path: 'products/new',
    name: 'product-new',
    component: () => import('./pages/products/ProductEditPage.vue'),
    meta: { title: '新建商品', api: 'POST /admin/products' },
  },
  {
    path: 'products/:id',
    name: 'product-edit',
    component: () => import('./pages/products/ProductEditPage.vue'),
    meta: { title: '编辑商品', api: 'GET /admin/products/{id}' },
  },
  {
    path: 'categories',
    name: 'categories',
    component: () => import('./pages/categories/CategoryPage.vue'),
    meta: { title: '分类', api: 'GET /admin/categories', menu: true },
  },
  {
    path: 'banners',
    name: 'banners',
    component: () => import('./pages/banners/BannerPage.vue'),
    meta: { title: '轮播图', api: 'GET /admin/banners', menu: true },
  },
  {
    path: 'orders',
    name: 'orders',
    component: () => import('./pages/orders/OrderListPage.vue'),
    meta: { title: '订单', api: 'GET /admin/orders', menu: true },
  },
  {
    path: 'orders/:id',
    name: 'order-detail',
    component: () => import('./pages/orders/OrderDetailPage.vue'),
    meta: { title: '订单详情', api: 'GET /admin/orders/{id}' },
  },
  {
    path: 'aftersales',
    name: 'aftersales',
    component: () => import('./pages/aftersales/AfterSaleListPage.vue'),
    meta: { title: '售后', api: 'GET /admin/aftersales', menu: true },
  },
  {
    path: 'aftersales/:id',
    name: 'aftersales-detail',
    component: () => import('./pages/aftersales/AfterSaleDetailPage.vue'),
    meta: { title: '售后详情', api: 'GET /admin/aftersales/{id}' },
  },
  {
    path: 'reviews',
    name: 'reviews',
    component: () => import('./pages/reviews/ReviewListPage.vue'),
    meta: { title: '评价', api: 'GET /admin/reviews', menu: true },
  },
  {
    path: 'content-reviews',
    name: 'content-reviews',
    component: () => import('./pages/reviews/ContentReviewPage.vue'),
    meta: { title: '内容审核', api: 'GET /admin/content-reviews', menu: true },
  },
  {
    path: 'coupons',
    name: 'coupons',
    component: () => import('./pages/coupons/CouponListPage.vue'),
    meta: { title: '优惠券', api: 'GET /admin/coupons', menu: true },
  },
  {
    path: 'operators',
    name: 'operators',
    component: () => import('./pages/operators/OperatorsPage.vue'),
    meta: { title: '操作员', api: 'GET /admin/operators', menu: true },
  },
  {
    path: 'audit',
    name: 'audit',
    component: () => import('./pages/audit/AuditLogPage.vue'),
    meta: { title: '操作日志', api: 'GET /admin/audit-log', menu: true },
  },
];

export function apiAllowed(may: (m: string, p: string) => boolean, api: string | undefined): boolean {
  if (!api) return true;
  const [method, path] = api.split(' ');
  return may(method, path);
}

export const router = createRouter({
  history: createWebHistory('/admin/'),
  routes: [
    { path: '/login', name: 'login', component: () => import('./pages/login/LoginPage.vue'), meta: { title: '登录' } },
    {
      path: '/',
      component: () => import('./layouts/AdminLayout.vue'),
      children: [{ path: '', name: 'home', redirect: () => ({ name: 'home-screen' }) }, ...screens],
    },
    { path: '/home', name: 'home-screen', redirect: () => ({ name: 'dashboard' }) },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach((to) => {
  const session = useSession();
  if (to.name === 'login') return session.signedIn ? { name: 'home-screen' } : true;
  if (!session.signedIn) return { name: 'login', query: { next: to.fullPath } };
  if (to.name === 'dashboard' && !apiAllowed(session.may, to.meta.api)) {
    // a role without the figures lands on the first screen it may read
    const first = screens.find((s) => s.meta?.menu && apiAllowed(session.may, s.meta.api));
    return first && first.name !== 'dashboard' ? { name: first.name } : true;
  }
  return true;
});

router.afterEach((to) => {
  document.title = `${to.meta.title ?? ''} · SutWxApp 商家后台`;
});
