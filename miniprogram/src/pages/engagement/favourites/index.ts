import type { FavouriteItem } from '../../../contracts/favourite';
import { listFavourites, removeFavourite } from '../../../services/engagement';
import { remembered } from '../../../utils/review';
import { shopperProductList } from '../shopper-product-list';

/** The shopper's favourites, newest first; off-shelf and sold-out ones are marked. */
Page({
  ...shopperProductList({
    list: listFavourites,
    view: remembered<FavouriteItem>,
    remove: removeFavourite,
    removed: '已取消收藏',
  }),
});
