// GENERATED — do not edit. Source: libs/contracts/src (the TypeScript types).
// Regenerate with `npm run openapi`; CI fails when this file is stale.
/* eslint-disable */
import type * as C from '../src/index';

export const CONTRACT_SCHEMAS: Record<ContractName, Record<string, unknown>> = {
  "AddCartItemRequest": {
    "type": "object",
    "properties": {
      "skuId": {
        "type": "number"
      },
      "quantity": {
        "type": "number"
      }
    },
    "required": [
      "skuId",
      "quantity"
    ],
    "additionalProperties": false
  },
  "Address": {
    "type": "object",
    "properties": {
      "receiverName": {
        "type": "string"
      },
      "phone": {
        "type": "string",
        "description": "mainland mobile, 11 digits starting with 1"
      },
      "province": {
        "type": "string"
      },
      "city": {
        "type": "string"
      },
      "district": {
        "type": "string"
      },
      "detail": {
        "type": "string"
      },
      "isDefault": {
        "type": "boolean"
      },
      "id": {
        "type": "number"
      },
      "postalCode": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "postalCode"
    ],
    "additionalProperties": false
  },
  "AddressInput": {
    "type": "object",
    "properties": {
      "receiverName": {
        "type": "string"
      },
      "phone": {
        "type": "string",
        "description": "mainland mobile, 11 digits starting with 1"
      },
      "province": {
        "type": "string"
      },
      "city": {
        "type": "string"
      },
      "district": {
        "type": "string"
      },
      "detail": {
        "type": "string"
      },
      "postalCode": {
        "type": [
          "string",
          "null"
        ]
      },
      "isDefault": {
        "type": "boolean"
      }
    },
    "required": [
      "receiverName",
      "phone",
      "province",
      "city",
      "district",
      "detail"
    ],
    "additionalProperties": false
  },
  "AdminAfterSale": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "orderId": {
        "type": "number"
      },
      "skuId": {
        "type": "number"
      },
      "quantity": {
        "type": "number"
      },
      "type": {
        "$ref": "#/components/schemas/AfterSaleType"
      },
      "status": {
        "$ref": "#/components/schemas/AfterSaleStatus"
      },
      "reason": {
        "type": "string"
      },
      "description": {
        "type": [
          "string",
          "null"
        ]
      },
      "photos": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "the photos as image URLs (750 px wide) the pages can show, not media refs"
      },
      "refundAmount": {
        "$ref": "#/components/schemas/Fen",
        "description": "the line's paid share for this quantity (coupon and points shares taken out)"
      },
      "rejectReason": {
        "type": [
          "string",
          "null"
        ]
      },
      "carrierCode": {
        "type": [
          "string",
          "null"
        ]
      },
      "trackingNo": {
        "type": [
          "string",
          "null"
        ]
      },
      "restocked": {
        "type": "boolean"
      },
      "deadlineAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ],
        "description": "when the timeout acts on the current state (auto-approve, close), else null"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "updatedAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "userId": {
        "type": "number"
      },
      "orderNo": {
        "type": "string"
      },
      "line": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/AfterSaleOrderLine"
          },
          {
            "type": "null"
          }
        ],
        "description": "null only when the order line no longer exists"
      }
    },
    "required": [
      "carrierCode",
      "createdAt",
      "deadlineAt",
      "description",
      "id",
      "line",
      "orderId",
      "orderNo",
      "photos",
      "quantity",
      "reason",
      "refundAmount",
      "rejectReason",
      "restocked",
      "skuId",
      "status",
      "trackingNo",
      "type",
      "updatedAt",
      "userId"
    ],
    "additionalProperties": false,
    "description": "An after-sale request as operators see it: the order number and the line it is about."
  },
  "AdminAfterSaleListQuery": {
    "type": "object",
    "properties": {
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      },
      "orderId": {
        "type": "number"
      },
      "status": {
        "$ref": "#/components/schemas/AfterSaleStatus"
      },
      "sort": {
        "type": "string",
        "enum": [
          "newest",
          "oldest"
        ],
        "description": "newest (default) or oldest first: the oldest waiting request is the one to answer next"
      }
    },
    "additionalProperties": false,
    "description": "GET /admin/aftersales: the queue, by state and order, newest or oldest first."
  },
  "AdminAfterSalePage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AdminAfterSale"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false
  },
  "AdminBanner": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "title": {
        "type": "string"
      },
      "image": {
        "type": "string",
        "description": "absolute URL, as the shop shows it"
      },
      "link": {
        "type": [
          "string",
          "null"
        ],
        "description": "a mini-program path (/pages/…) or an https URL"
      },
      "sortOrder": {
        "type": "number"
      },
      "active": {
        "type": "boolean",
        "description": "shown on the home page"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "updatedAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "id",
      "title",
      "image",
      "link",
      "sortOrder",
      "active",
      "createdAt",
      "updatedAt"
    ],
    "additionalProperties": false
  },
  "AdminBannerList": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AdminBanner"
        },
        "description": "all banners, active or not, by sortOrder then id"
      }
    },
    "required": [
      "items"
    ],
    "additionalProperties": false
  },
  "AdminCouponListQuery": {
    "type": "object",
    "properties": {
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      },
      "issuing": {
        "type": "boolean",
        "description": "only templates being issued (true) or stopped (false)"
      }
    },
    "additionalProperties": false,
    "description": "GET /admin/coupons"
  },
  "AdminCouponTemplate": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "name": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/CouponKind"
      },
      "thresholdFen": {
        "$ref": "#/components/schemas/Fen"
      },
      "amountFen": {
        "$ref": "#/components/schemas/Fen"
      },
      "percentOff": {
        "type": "number"
      },
      "maxDiscountFen": {
        "$ref": "#/components/schemas/Fen"
      },
      "scope": {
        "$ref": "#/components/schemas/CouponScope"
      },
      "scopeIds": {
        "type": "array",
        "items": {
          "type": "number"
        }
      },
      "validFrom": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "validTo": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "validDays": {
        "type": [
          "number",
          "null"
        ]
      },
      "totalQuantity": {
        "type": "number"
      },
      "claimedCount": {
        "type": "number"
      },
      "perUserLimit": {
        "type": "number"
      },
      "issuing": {
        "type": "boolean"
      },
      "label": {
        "type": "string",
        "description": "a short Chinese label, e.g. \"满199减30\""
      },
      "usedCount": {
        "type": "number",
        "description": "coupons used by a paid order (claimed = claimedCount)"
      },
      "lockedCount": {
        "type": "number",
        "description": "coupons held by an unpaid order right now"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "amountFen",
      "claimedCount",
      "createdAt",
      "id",
      "issuing",
      "kind",
      "label",
      "lockedCount",
      "maxDiscountFen",
      "name",
      "perUserLimit",
      "percentOff",
      "scope",
      "scopeIds",
      "thresholdFen",
      "totalQuantity",
      "usedCount",
      "validDays",
      "validFrom",
      "validTo"
    ],
    "additionalProperties": false,
    "description": "A template as operators see it: the template and its usage."
  },
  "AdminCouponTemplatePage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AdminCouponTemplate"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false
  },
  "AdminLoginRequest": {
    "type": "object",
    "properties": {
      "username": {
        "type": "string"
      },
      "password": {
        "type": "string"
      }
    },
    "required": [
      "username",
      "password"
    ],
    "additionalProperties": false
  },
  "AdminLoginResponse": {
    "type": "object",
    "properties": {
      "accessToken": {
        "type": "string"
      },
      "expiresIn": {
        "type": "number"
      },
      "admin": {
        "$ref": "#/components/schemas/AdminProfile"
      }
    },
    "required": [
      "accessToken",
      "expiresIn",
      "admin"
    ],
    "additionalProperties": false
  },
  "AdminMedia": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "ref": {
        "type": "string",
        "description": "what to put in a product's `images`, a category's `icon` or a banner's `image`"
      },
      "kind": {
        "$ref": "#/components/schemas/MediaKind"
      },
      "status": {
        "$ref": "#/components/schemas/MediaStatus"
      },
      "sourceFormat": {
        "type": "string",
        "enum": [
          "jpeg",
          "png",
          "webp",
          "gif"
        ],
        "description": "the original's format, decided from its bytes"
      },
      "width": {
        "type": "number"
      },
      "height": {
        "type": "number"
      },
      "bytes": {
        "type": "number",
        "description": "size of the upload as received"
      },
      "url": {
        "type": "string",
        "description": "the 750 px JPEG: what pages show by default"
      },
      "variants": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/MediaVariant"
        }
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "ownerType": {
        "type": "string",
        "enum": [
          "admin",
          "user"
        ]
      },
      "ownerId": {
        "type": "number"
      }
    },
    "required": [
      "bytes",
      "createdAt",
      "height",
      "id",
      "kind",
      "ownerId",
      "ownerType",
      "ref",
      "sourceFormat",
      "status",
      "url",
      "variants",
      "width"
    ],
    "additionalProperties": false
  },
  "AdminMediaDetail": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "ref": {
        "type": "string",
        "description": "what to put in a product's `images`, a category's `icon` or a banner's `image`"
      },
      "kind": {
        "$ref": "#/components/schemas/MediaKind"
      },
      "status": {
        "$ref": "#/components/schemas/MediaStatus"
      },
      "sourceFormat": {
        "type": "string",
        "enum": [
          "jpeg",
          "png",
          "webp",
          "gif"
        ],
        "description": "the original's format, decided from its bytes"
      },
      "width": {
        "type": "number"
      },
      "height": {
        "type": "number"
      },
      "bytes": {
        "type": "number",
        "description": "size of the upload as received"
      },
      "url": {
        "type": "string",
        "description": "the 750 px JPEG: what pages show by default"
      },
      "variants": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/MediaVariant"
        }
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "ownerType": {
        "type": "string",
        "enum": [
          "admin",
          "user"
        ]
      },
      "ownerId": {
        "type": "number"
      },
      "references": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/MediaReference"
        }
      }
    },
    "required": [
      "bytes",
      "createdAt",
      "height",
      "id",
      "kind",
      "ownerId",
      "ownerType",
      "ref",
      "references",
      "sourceFormat",
      "status",
      "url",
      "variants",
      "width"
    ],
    "additionalProperties": false,
    "description": "One image for operators, with the rows that use it (it cannot be deleted while any do)."
  },
  "AdminMediaPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AdminMedia"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false
  },
  "AdminOrder": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "orderNo": {
        "type": "string"
      },
      "status": {
        "$ref": "#/components/schemas/OrderStatus"
      },
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/OrderItem"
        }
      },
      "goodsAmount": {
        "$ref": "#/components/schemas/Fen"
      },
      "freightAmount": {
        "$ref": "#/components/schemas/Fen"
      },
      "payableAmount": {
        "$ref": "#/components/schemas/Fen"
      },
      "discountAmount": {
        "$ref": "#/components/schemas/Fen",
        "description": "coupon and points taken off the goods (goods + freight − discount = payable)"
      },
      "address": {
        "$ref": "#/components/schemas/OrderAddress"
      },
      "remark": {
        "type": [
          "string",
          "null"
        ]
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "payDeadline": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "secondsToPay": {
        "type": "number",
        "description": "seconds left to pay while PENDING_PAYMENT, else 0"
      },
      "paidAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "shipment": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Shipment"
          },
          {
            "type": "null"
          }
        ],
        "description": "the first (or only) parcel: the one tracked for the shopper"
      },
      "shipments": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Shipment"
        },
        "description": "every parcel, in the order they were entered (split shipping); empty before shipping"
      },
      "completedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "cancelledAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "cancelReason": {
        "type": [
          "string",
          "null"
        ]
      },
      "userId": {
        "type": "number"
      },
      "signedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ],
        "description": "when tracking first showed the parcel signed for"
      },
      "refundRequestedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "refundedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "refundReason": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "address",
      "cancelReason",
      "cancelledAt",
      "completedAt",
      "createdAt",
      "discountAmount",
      "freightAmount",
      "goodsAmount",
      "id",
      "items",
      "orderNo",
      "paidAt",
      "payDeadline",
      "payableAmount",
      "refundReason",
      "refundRequestedAt",
      "refundedAt",
      "remark",
      "secondsToPay",
      "shipment",
      "shipments",
      "signedAt",
      "status",
      "userId"
    ],
    "additionalProperties": false,
    "description": "An order as operators see it: the shopper's view plus the facts behind the timeline."
  },
  "AdminOrderFilter": {
    "type": "object",
    "properties": {
      "status": {
        "$ref": "#/components/schemas/OrderStatus"
      },
      "from": {
        "type": "string",
        "description": "first day of the order's creation, Beijing time",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
      },
      "to": {
        "type": "string",
        "description": "last day of the order's creation, Beijing time (included)",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
      },
      "orderNo": {
        "type": "string",
        "description": "the order number or its beginning",
        "maxLength": 32
      },
      "phone": {
        "type": "string",
        "description": "the receiver's mobile number (11 digits), or its last 4 to 10 digits",
        "pattern": "^\\d{4,11}$"
      },
      "product": {
        "type": "string",
        "description": "digits only: a product id; anything else: words of a product title as sold",
        "maxLength": 64
      },
      "sort": {
        "$ref": "#/components/schemas/AdminOrderSort",
        "description": "default createdAt"
      },
      "order": {
        "type": "string",
        "enum": [
          "asc",
          "desc"
        ],
        "description": "default desc"
      }
    },
    "additionalProperties": false,
    "description": "GET /admin/orders/export.csv, and GET /admin/orders with paging: every filter is optional and they combine (AND). Days are Beijing calendar days (UTC+8), both ends included."
  },
  "AdminOrderListQuery": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      },
      "status": {
        "$ref": "#/components/schemas/OrderStatus"
      },
      "from": {
        "type": "string",
        "description": "first day of the order's creation, Beijing time",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
      },
      "to": {
        "type": "string",
        "description": "last day of the order's creation, Beijing time (included)",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
      },
      "orderNo": {
        "type": "string",
        "description": "the order number or its beginning",
        "maxLength": 32
      },
      "phone": {
        "type": "string",
        "description": "the receiver's mobile number (11 digits), or its last 4 to 10 digits",
        "pattern": "^\\d{4,11}$"
      },
      "product": {
        "type": "string",
        "description": "digits only: a product id; anything else: words of a product title as sold",
        "maxLength": 64
      },
      "sort": {
        "$ref": "#/components/schemas/AdminOrderSort",
        "description": "default createdAt"
      },
      "order": {
        "type": "string",
        "enum": [
          "asc",
          "desc"
        ],
        "description": "default desc"
      }
    }
  },
  "AdminOrderPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AdminOrder"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false
  },
  "AdminOrderSort": {
    "type": "string",
    "enum": [
      "createdAt",
      "paidAt",
      "payableAmount"
    ]
  },
  "AdminProduct": {
    "$ref": "#/components/schemas/ProductDetail",
    "description": "Admin view of a product: on- and off-shelf alike."
  },
  "AdminProductListQuery": {
    "type": "object",
    "properties": {
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      },
      "categoryId": {
        "type": "number"
      },
      "keyword": {
        "type": "string"
      },
      "onShelf": {
        "type": "boolean"
      },
      "stock": {
        "$ref": "#/components/schemas/AdminProductStockFilter"
      },
      "sort": {
        "$ref": "#/components/schemas/AdminProductSort"
      }
    },
    "additionalProperties": false
  },
  "AdminProductPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AdminProductSummary"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      },
      "totalIsLowerBound": {
        "type": "boolean",
        "description": "present (true) only when a search matched more products than it ranks: `total` is then a lower bound"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false,
    "description": "As ProductPage: a keyword search's `total` is capped at 1,000 with `totalIsLowerBound`."
  },
  "AdminProductRating": {
    "type": "object",
    "properties": {
      "productId": {
        "type": "number"
      },
      "count": {
        "type": "number"
      },
      "average": {
        "type": "number",
        "description": "average stars, one decimal; 0 without reviews"
      },
      "goodRate": {
        "type": "number",
        "description": "share of 4–5 star reviews in percent (0–100, rounded)"
      },
      "byStar": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ReviewStarCount"
        },
        "description": "five rows, 5 stars first"
      },
      "withPhotos": {
        "type": "number"
      },
      "good": {
        "type": "number"
      },
      "medium": {
        "type": "number"
      },
      "bad": {
        "type": "number"
      },
      "title": {
        "type": "string"
      }
    },
    "required": [
      "average",
      "bad",
      "byStar",
      "count",
      "good",
      "goodRate",
      "medium",
      "productId",
      "title",
      "withPhotos"
    ],
    "additionalProperties": false
  },
  "AdminProductRatingPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AdminProductRating"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false
  },
  "AdminProductSort": {
    "type": "string",
    "enum": [
      "newest",
      "updated",
      "price_asc",
      "price_desc",
      "sales_desc",
      "stock_asc"
    ],
    "description": "GET /admin/products `sort`: `newest` (default), `updated`, price, sales or total stock."
  },
  "AdminProductStockFilter": {
    "type": "string",
    "enum": [
      "in_stock",
      "low",
      "out"
    ],
    "description": "GET /admin/products `stock`: `out` = the live SKUs hold 0 in total; `in_stock` = more than 0; `low` = more than 0 and some SKU at or below LOW_STOCK_THRESHOLD."
  },
  "AdminProductSummary": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "title": {
        "type": "string"
      },
      "subtitle": {
        "type": [
          "string",
          "null"
        ]
      },
      "categoryId": {
        "type": "number"
      },
      "image": {
        "type": [
          "string",
          "null"
        ]
      },
      "minPrice": {
        "$ref": "#/components/schemas/Fen"
      },
      "originalPrice": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Fen"
          },
          {
            "type": "null"
          }
        ]
      },
      "sales": {
        "type": "number"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "onShelf": {
        "type": "boolean"
      },
      "stock": {
        "type": "number",
        "description": "the stock of its live SKUs, summed (the same number as `totalStock`, kept for older consoles)"
      },
      "totalStock": {
        "type": "number",
        "description": "the stock of its live SKUs, summed"
      },
      "skuCount": {
        "type": "number"
      },
      "maxPrice": {
        "$ref": "#/components/schemas/Fen",
        "description": "the highest price among its live SKUs (with `minPrice`, the price range); `minPrice` without SKUs"
      }
    },
    "required": [
      "categoryId",
      "createdAt",
      "id",
      "image",
      "maxPrice",
      "minPrice",
      "onShelf",
      "originalPrice",
      "sales",
      "skuCount",
      "stock",
      "subtitle",
      "title",
      "totalStock"
    ],
    "additionalProperties": false,
    "description": "Admin list row: shelf state and the stock summed over live SKUs."
  },
  "AdminProfile": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "username": {
        "type": "string"
      },
      "role": {
        "type": "string",
        "const": "admin"
      },
      "operatorRole": {
        "$ref": "#/components/schemas/OperatorRole",
        "description": "what this operator may do: libs/contracts permissions.ts"
      }
    },
    "required": [
      "id",
      "username",
      "role",
      "operatorRole"
    ],
    "additionalProperties": false
  },
  "AdminReview": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "productId": {
        "type": "number"
      },
      "rating": {
        "type": "number"
      },
      "content": {
        "type": "string"
      },
      "images": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "anonymous": {
        "type": "boolean"
      },
      "nickname": {
        "type": "string"
      },
      "avatarUrl": {
        "type": [
          "string",
          "null"
        ]
      },
      "specs": {
        "$ref": "#/components/schemas/SpecValues"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "followUp": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ReviewFollowUp"
          },
          {
            "type": "null"
          }
        ]
      },
      "reply": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ReviewReply"
          },
          {
            "type": "null"
          }
        ]
      },
      "kind": {
        "$ref": "#/components/schemas/ReviewKind"
      },
      "status": {
        "$ref": "#/components/schemas/ReviewStatus"
      },
      "userId": {
        "type": "number"
      },
      "orderId": {
        "type": "number"
      },
      "orderItemId": {
        "type": "number"
      },
      "parentId": {
        "type": [
          "number",
          "null"
        ],
        "description": "the first review this follow-up belongs to"
      },
      "moderationNote": {
        "type": [
          "string",
          "null"
        ],
        "description": "why it is held, hidden or rejected"
      },
      "productTitle": {
        "type": [
          "string",
          "null"
        ],
        "description": "the product's current title (null when the product was deleted)"
      },
      "updatedAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "anonymous",
      "avatarUrl",
      "content",
      "createdAt",
      "followUp",
      "id",
      "images",
      "kind",
      "moderationNote",
      "nickname",
      "orderId",
      "orderItemId",
      "parentId",
      "productId",
      "productTitle",
      "rating",
      "reply",
      "specs",
      "status",
      "updatedAt",
      "userId"
    ],
    "additionalProperties": false
  },
  "AdminReviewPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AdminReview"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false
  },
  "AdminReviewSort": {
    "type": "string",
    "enum": [
      "newest",
      "oldest",
      "rating_asc",
      "rating_desc"
    ],
    "description": "GET /admin/reviews order: newest (default), oldest, lowest or highest rating first."
  },
  "AfterSale": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "orderId": {
        "type": "number"
      },
      "skuId": {
        "type": "number"
      },
      "quantity": {
        "type": "number"
      },
      "type": {
        "$ref": "#/components/schemas/AfterSaleType"
      },
      "status": {
        "$ref": "#/components/schemas/AfterSaleStatus"
      },
      "reason": {
        "type": "string"
      },
      "description": {
        "type": [
          "string",
          "null"
        ]
      },
      "photos": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "the photos as image URLs (750 px wide) the pages can show, not media refs"
      },
      "refundAmount": {
        "$ref": "#/components/schemas/Fen",
        "description": "the line's paid share for this quantity (coupon and points shares taken out)"
      },
      "rejectReason": {
        "type": [
          "string",
          "null"
        ]
      },
      "carrierCode": {
        "type": [
          "string",
          "null"
        ]
      },
      "trackingNo": {
        "type": [
          "string",
          "null"
        ]
      },
      "restocked": {
        "type": "boolean"
      },
      "deadlineAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ],
        "description": "when the timeout acts on the current state (auto-approve, close), else null"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "updatedAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "id",
      "orderId",
      "skuId",
      "quantity",
      "type",
      "status",
      "reason",
      "description",
      "photos",
      "refundAmount",
      "rejectReason",
      "carrierCode",
      "trackingNo",
      "restocked",
      "deadlineAt",
      "createdAt",
      "updatedAt"
    ],
    "additionalProperties": false
  },
  "AfterSaleByOrdersQuery": {
    "type": "object",
    "properties": {
      "orderIds": {
        "type": "string",
        "description": "comma-separated order ids, at most 50, e.g. `1,2,3`",
        "pattern": "^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9}){0,49}$"
      }
    },
    "required": [
      "orderIds"
    ],
    "additionalProperties": false,
    "description": "GET /aftersales/by-orders: the after-sale state of each order of a page of orders."
  },
  "AfterSaleList": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AfterSale"
        }
      }
    },
    "required": [
      "items"
    ],
    "additionalProperties": false
  },
  "AfterSaleListQuery": {
    "type": "object",
    "properties": {
      "orderId": {
        "type": "number"
      },
      "status": {
        "$ref": "#/components/schemas/AfterSaleStatus"
      }
    },
    "additionalProperties": false
  },
  "AfterSaleOrderLabel": {
    "type": "string",
    "enum": [
      "售后中",
      "已退款",
      "售后关闭"
    ],
    "description": "The badge an order shows in the list: 售后中 / 已退款 / 售后关闭, or none."
  },
  "AfterSaleOrderLine": {
    "type": "object",
    "properties": {
      "productId": {
        "type": "number"
      },
      "title": {
        "type": "string"
      },
      "specs": {
        "$ref": "#/components/schemas/SpecValues"
      },
      "image": {
        "type": [
          "string",
          "null"
        ],
        "description": "the line's picture (240 px), or null"
      },
      "unitPrice": {
        "$ref": "#/components/schemas/Fen"
      },
      "quantity": {
        "type": "number",
        "description": "pieces of this line in the order"
      }
    },
    "required": [
      "productId",
      "title",
      "specs",
      "image",
      "unitPrice",
      "quantity"
    ],
    "additionalProperties": false,
    "description": "The order line a request is about, as the order recorded it (title, specs and price at purchase)."
  },
  "AfterSaleOrderState": {
    "type": "object",
    "properties": {
      "orderId": {
        "type": "number"
      },
      "openCount": {
        "type": "number",
        "description": "requests still in progress (requested … refunding)"
      },
      "refundedCount": {
        "type": "number",
        "description": "requests that ended refunded"
      },
      "latestStatus": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/AfterSaleStatus"
          },
          {
            "type": "null"
          }
        ],
        "description": "the newest request's state, null when the order has none (or is not the caller's)"
      },
      "latestStatusText": {
        "type": [
          "string",
          "null"
        ],
        "description": "AFTERSALE_STATUS_TEXT of latestStatus"
      },
      "label": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/AfterSaleOrderLabel"
          },
          {
            "type": "null"
          }
        ],
        "description": "what the order list shows: any open request → 售后中; else any refunded → 已退款; else the newest rejected or closed → 售后关闭; null otherwise (none, or only withdrawn ones)"
      }
    },
    "required": [
      "orderId",
      "openCount",
      "refundedCount",
      "latestStatus",
      "latestStatusText",
      "label"
    ],
    "additionalProperties": false
  },
  "AfterSaleOrderStateList": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AfterSaleOrderState"
        },
        "description": "one per requested id, in the order asked (duplicates once)"
      }
    },
    "required": [
      "items"
    ],
    "additionalProperties": false
  },
  "AfterSaleStatus": {
    "type": "string",
    "enum": [
      "REQUESTED",
      "APPROVED",
      "REJECTED",
      "RETURN_SHIPPED",
      "RETURN_RECEIVED",
      "REFUNDING",
      "REFUNDED",
      "CANCELLED",
      "CLOSED"
    ]
  },
  "AfterSaleType": {
    "type": "string",
    "enum": [
      "REFUND_ONLY",
      "RETURN_REFUND"
    ]
  },
  "AnalyticsRangeQuery": {
    "type": "object",
    "properties": {
      "from": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "to": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "additionalProperties": false,
    "description": "`from` inclusive, `to` exclusive; ISO dates or date-times. Default: the last 7 days. At most 366 days."
  },
  "AnalyticsTopQuery": {
    "type": "object",
    "properties": {
      "from": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "to": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "limit": {
        "type": "number",
        "description": "default 10, at most 100"
      }
    },
    "additionalProperties": false
  },
  "ApproveContentReviewRequest": {
    "type": "object",
    "properties": {
      "reason": {
        "type": "string"
      }
    },
    "additionalProperties": false,
    "description": "POST /admin/content-reviews/:id/approve (the reason is optional)"
  },
  "AuditActor": {
    "type": "object",
    "properties": {
      "type": {
        "$ref": "#/components/schemas/AuditActorType"
      },
      "id": {
        "type": [
          "number",
          "string",
          "null"
        ]
      }
    },
    "required": [
      "type"
    ],
    "additionalProperties": false
  },
  "AuditActorType": {
    "type": "string",
    "enum": [
      "admin",
      "shopper",
      "system",
      "wechatpay"
    ]
  },
  "AuditKind": {
    "type": "string",
    "enum": [
      "admin_action",
      "payment_notification",
      "refund_notification"
    ]
  },
  "AuditLogEntry": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/AuditKind"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "actorType": {
        "$ref": "#/components/schemas/AuditActorType"
      },
      "actorId": {
        "type": [
          "string",
          "null"
        ]
      },
      "operator": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/AuditOperator"
          },
          {
            "type": "null"
          }
        ]
      },
      "action": {
        "type": "string",
        "description": "what was done, e.g. 同意售后 (or the method and route for a route without a name)"
      },
      "target": {
        "type": [
          "string",
          "null"
        ],
        "description": "what it was done to, e.g. 售后单 #12; null when nothing in particular"
      },
      "summary": {
        "type": "string",
        "description": "the request's key facts, e.g. 原因：破损（empty when there are none）"
      },
      "method": {
        "type": [
          "string",
          "null"
        ]
      },
      "route": {
        "type": [
          "string",
          "null"
        ],
        "description": "the route as the API documents it, e.g. /admin/aftersales/{id}/approve"
      },
      "outcome": {
        "type": [
          "string",
          "null"
        ],
        "enum": [
          "ok",
          "failed",
          null
        ]
      },
      "statusCode": {
        "type": [
          "number",
          "null"
        ]
      },
      "code": {
        "type": [
          "string",
          "null"
        ],
        "description": "the error code of a refused request"
      },
      "ip": {
        "type": [
          "string",
          "null"
        ],
        "description": "the client address as the API saw it (behind TRUST_PROXY: the forwarded one); null on rows recorded before it was kept"
      },
      "userAgent": {
        "type": [
          "string",
          "null"
        ]
      },
      "requestId": {
        "type": [
          "string",
          "null"
        ]
      },
      "details": {
        "type": "object",
        "additionalProperties": {},
        "description": "the recorded request: path parameters and body, secrets masked"
      }
    },
    "required": [
      "id",
      "kind",
      "createdAt",
      "actorType",
      "actorId",
      "operator",
      "action",
      "target",
      "summary",
      "method",
      "route",
      "outcome",
      "statusCode",
      "code",
      "ip",
      "userAgent",
      "requestId",
      "details"
    ],
    "additionalProperties": false,
    "description": "One audit row, in words: who did what to what, when, from where, and how it ended."
  },
  "AuditLogPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AuditLogEntry"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false
  },
  "AuditLogQuery": {
    "type": "object",
    "properties": {
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      },
      "operatorId": {
        "type": "number",
        "description": "an operator's admin account id: only what they did"
      },
      "kind": {
        "$ref": "#/components/schemas/AuditKind"
      },
      "from": {
        "$ref": "#/components/schemas/IsoDateTime",
        "description": "at or after (ISO date-time, e.g. 2026-01-01T00:00:00+08:00)"
      },
      "to": {
        "$ref": "#/components/schemas/IsoDateTime",
        "description": "before (ISO date-time)"
      },
      "sort": {
        "type": "string",
        "enum": [
          "newest",
          "oldest"
        ]
      }
    },
    "additionalProperties": false,
    "description": "GET /admin/audit-log (owner only): newest first unless sort=oldest."
  },
  "AuditOperator": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "username": {
        "type": [
          "string",
          "null"
        ],
        "description": "null when the account no longer exists"
      }
    },
    "required": [
      "id",
      "username"
    ],
    "additionalProperties": false,
    "description": "The operator who made a request (admin actions only)."
  },
  "Banner": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "image": {
        "type": "string"
      },
      "title": {
        "type": "string"
      },
      "link": {
        "type": [
          "string",
          "null"
        ],
        "description": "mini-program path the banner opens, e.g. /pages/product/detail/index?id=3"
      }
    },
    "required": [
      "id",
      "image",
      "title",
      "link"
    ],
    "additionalProperties": false
  },
  "BehaviourEventInput": {
    "type": "object",
    "properties": {
      "type": {
        "$ref": "#/components/schemas/BehaviourEventType"
      },
      "page": {
        "type": "string",
        "description": "mini-program page route, e.g. pages/product/detail/index (≤ 200 characters)"
      },
      "productId": {
        "type": "number",
        "description": "required for product_view and add_to_cart"
      },
      "keyword": {
        "type": "string",
        "description": "required for search (≤ 50 characters)"
      },
      "source": {
        "type": "string",
        "description": "how the shopper arrived, e.g. `share_message` or `share_timeline` on a page opened from a share (letters, digits, _ and -, ≤ 32 characters); stored as the event's props.source"
      },
      "clientTime": {
        "$ref": "#/components/schemas/IsoDateTime",
        "description": "the device's clock; kept only when within 7 days of the server's"
      }
    },
    "required": [
      "type",
      "page",
      "clientTime"
    ],
    "additionalProperties": false
  },
  "BehaviourEventType": {
    "type": "string",
    "enum": [
      "page_view",
      "product_view",
      "search",
      "add_to_cart",
      "checkout",
      "share"
    ]
  },
  "BindPhoneRequest": {
    "type": "object",
    "properties": {
      "code": {
        "type": "string"
      }
    },
    "required": [
      "code"
    ],
    "additionalProperties": false,
    "description": "POST /wechat/phone: the code from <button open-type=\"getPhoneNumber\"> (bindgetphonenumber)."
  },
  "BulkShelfFailure": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "ok": {
        "type": "boolean",
        "const": false
      },
      "code": {
        "type": "string",
        "description": "the code a single PATCH /admin/products/{id} would answer, e.g. PRODUCT_NOT_FOUND"
      },
      "message": {
        "type": "string"
      }
    },
    "required": [
      "id",
      "ok",
      "code",
      "message"
    ],
    "additionalProperties": false
  },
  "BulkShelfOk": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "ok": {
        "type": "boolean",
        "const": true
      }
    },
    "required": [
      "id",
      "ok"
    ],
    "additionalProperties": false
  },
  "BulkShelfRequest": {
    "type": "object",
    "properties": {
      "ids": {
        "type": "array",
        "items": {
          "type": "number"
        },
        "description": "product ids, distinct",
        "minItems": 1,
        "maxItems": 100
      },
      "onShelf": {
        "type": "boolean"
      }
    },
    "required": [
      "ids",
      "onShelf"
    ],
    "additionalProperties": false
  },
  "BulkShelfResult": {
    "type": "object",
    "properties": {
      "results": {
        "type": "array",
        "items": {
          "anyOf": [
            {
              "$ref": "#/components/schemas/BulkShelfOk"
            },
            {
              "$ref": "#/components/schemas/BulkShelfFailure"
            }
          ]
        },
        "description": "one per id, in the order sent; one failing id does not stop the others"
      }
    },
    "required": [
      "results"
    ],
    "additionalProperties": false
  },
  "BulkShipRequest": {
    "type": "object",
    "properties": {
      "rows": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/BulkShipRow"
        },
        "minItems": 1,
        "maxItems": 500
      }
    },
    "required": [
      "rows"
    ],
    "additionalProperties": false,
    "description": "POST /admin/orders/bulk-ship"
  },
  "BulkShipResult": {
    "type": "object",
    "properties": {
      "shippedOrders": {
        "type": "number",
        "description": "orders shipped by this request"
      },
      "failedRows": {
        "type": "number",
        "description": "rows refused (their order was not shipped)"
      },
      "rows": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/BulkShipRowResult"
        },
        "description": "one per row, in the order sent"
      }
    },
    "required": [
      "shippedOrders",
      "failedRows",
      "rows"
    ],
    "additionalProperties": false
  },
  "BulkShipRow": {
    "type": "object",
    "properties": {
      "line": {
        "type": "integer",
        "description": "the row's line in the operator's file, echoed in the result"
      },
      "orderNo": {
        "type": "string",
        "maxLength": 64
      },
      "carrierCode": {
        "type": "string",
        "description": "a code from GET /logistics/carriers",
        "maxLength": 64
      },
      "trackingNo": {
        "type": "string",
        "maxLength": 64
      }
    },
    "required": [
      "orderNo",
      "carrierCode",
      "trackingNo"
    ],
    "additionalProperties": false,
    "description": "One row of a bulk-ship file. Rows naming the same order become that order's parcels."
  },
  "BulkShipRowResult": {
    "type": "object",
    "properties": {
      "line": {
        "type": [
          "number",
          "null"
        ]
      },
      "orderNo": {
        "type": "string"
      },
      "ok": {
        "type": "boolean"
      },
      "orderId": {
        "type": [
          "number",
          "null"
        ],
        "description": "the shipped order's id (ok)"
      },
      "error": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "code": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/ErrorCode"
                  },
                  {
                    "type": "string"
                  }
                ]
              },
              "message": {
                "type": "string"
              }
            },
            "required": [
              "code",
              "message"
            ],
            "additionalProperties": false
          },
          {
            "type": "null"
          }
        ],
        "description": "why the row was refused: the API's own code and message, as a single ship would answer"
      }
    },
    "required": [
      "line",
      "orderNo",
      "ok",
      "orderId",
      "error"
    ],
    "additionalProperties": false
  },
  "Carrier": {
    "type": "object",
    "properties": {
      "code": {
        "type": "string",
        "description": "Kuaidi100's lower-case company code, e.g. `yuantong`"
      },
      "name": {
        "type": "string",
        "description": "Chinese display name, e.g. 圆通速递"
      },
      "phoneRequired": {
        "type": "boolean",
        "description": "Kuaidi100 needs the phone's last four digits for this carrier (SF, 中通, 丰网)"
      }
    },
    "required": [
      "code",
      "name",
      "phoneRequired"
    ],
    "additionalProperties": false
  },
  "CarrierList": {
    "type": "array",
    "items": {
      "$ref": "#/components/schemas/Carrier"
    },
    "description": "GET /logistics/carriers"
  },
  "CartItem": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "skuId": {
        "type": "number"
      },
      "productId": {
        "type": "number"
      },
      "title": {
        "type": "string"
      },
      "image": {
        "type": [
          "string",
          "null"
        ]
      },
      "specs": {
        "$ref": "#/components/schemas/SpecValues"
      },
      "price": {
        "$ref": "#/components/schemas/Fen",
        "description": "current price from the catalog, not the price when added"
      },
      "quantity": {
        "type": "number"
      },
      "selected": {
        "type": "boolean"
      },
      "stock": {
        "type": "number"
      },
      "state": {
        "$ref": "#/components/schemas/CartItemState"
      }
    },
    "required": [
      "id",
      "skuId",
      "productId",
      "title",
      "image",
      "specs",
      "price",
      "quantity",
      "selected",
      "stock",
      "state"
    ],
    "additionalProperties": false
  },
  "CartItemState": {
    "type": "string",
    "enum": [
      "available",
      "insufficient_stock",
      "sold_out",
      "off_shelf"
    ]
  },
  "CartView": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/CartItem"
        }
      },
      "selectedCount": {
        "type": "number",
        "description": "sum over selected, available items"
      },
      "selectedTotal": {
        "$ref": "#/components/schemas/Fen"
      }
    },
    "required": [
      "items",
      "selectedCount",
      "selectedTotal"
    ],
    "additionalProperties": false
  },
  "Category": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "name": {
        "type": "string"
      },
      "parentId": {
        "type": [
          "number",
          "null"
        ]
      },
      "icon": {
        "type": [
          "string",
          "null"
        ]
      },
      "sortOrder": {
        "type": "number"
      }
    },
    "required": [
      "id",
      "name",
      "parentId",
      "icon",
      "sortOrder"
    ],
    "additionalProperties": false
  },
  "CategoryNode": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "name": {
        "type": "string"
      },
      "parentId": {
        "type": [
          "number",
          "null"
        ]
      },
      "icon": {
        "type": [
          "string",
          "null"
        ]
      },
      "sortOrder": {
        "type": "number"
      },
      "children": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Category"
        }
      }
    },
    "required": [
      "children",
      "icon",
      "id",
      "name",
      "parentId",
      "sortOrder"
    ],
    "additionalProperties": false
  },
  "ChangePasswordRequest": {
    "type": "object",
    "properties": {
      "currentPassword": {
        "type": "string"
      },
      "newPassword": {
        "type": "string",
        "description": "8 characters to 72 bytes in UTF-8 (bcrypt reads no further: about 24 Chinese characters)",
        "minLength": 8
      }
    },
    "required": [
      "currentPassword",
      "newPassword"
    ],
    "additionalProperties": false,
    "description": "POST /admin/account/password: the calling operator's own password."
  },
  "CheckinResult": {
    "type": "object",
    "properties": {
      "streak": {
        "type": "number"
      },
      "points": {
        "type": "number"
      },
      "balance": {
        "type": "number"
      }
    },
    "required": [
      "streak",
      "points",
      "balance"
    ],
    "additionalProperties": false
  },
  "CheckinStatus": {
    "type": "object",
    "properties": {
      "checkedInToday": {
        "type": "boolean"
      },
      "streak": {
        "type": "number",
        "description": "consecutive days including today (if checked in)"
      },
      "rewards": {
        "type": "array",
        "items": {
          "type": "number"
        },
        "description": "points per streak day: index 0 = day 1; the last value repeats"
      },
      "nextReward": {
        "type": "number",
        "description": "what checking in today gives (0 once checked in)"
      },
      "balance": {
        "type": "number"
      }
    },
    "required": [
      "checkedInToday",
      "streak",
      "rewards",
      "nextReward",
      "balance"
    ],
    "additionalProperties": false
  },
  "CheckoutCoupon": {
    "type": "object",
    "properties": {
      "userCouponId": {
        "type": "number"
      },
      "name": {
        "type": "string"
      },
      "label": {
        "type": "string"
      },
      "validTo": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "discount": {
        "$ref": "#/components/schemas/Fen",
        "description": "fen this coupon takes off this order (0 when unusable)"
      },
      "usable": {
        "type": "boolean"
      },
      "reason": {
        "type": [
          "string",
          "null"
        ],
        "description": "why it can't be used, in Chinese (null when usable)"
      }
    },
    "required": [
      "userCouponId",
      "name",
      "label",
      "validTo",
      "discount",
      "usable",
      "reason"
    ],
    "additionalProperties": false,
    "description": "A coupon at checkout: usable with its discount, or not with the reason."
  },
  "CheckoutPoints": {
    "type": "object",
    "properties": {
      "balance": {
        "type": "number"
      },
      "used": {
        "type": "number",
        "description": "points used by this preview"
      },
      "max": {
        "type": "number",
        "description": "the most points this order accepts (cap and balance)"
      },
      "fenPerPoint": {
        "type": "number",
        "description": "fen one point is worth"
      },
      "discount": {
        "$ref": "#/components/schemas/Fen",
        "description": "fen taken off by the points used"
      }
    },
    "required": [
      "balance",
      "used",
      "max",
      "fenPerPoint",
      "discount"
    ],
    "additionalProperties": false
  },
  "ContentReview": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "subjectType": {
        "$ref": "#/components/schemas/ContentReviewSubjectType"
      },
      "subjectId": {
        "type": "number"
      },
      "userId": {
        "type": "number",
        "description": "the shopper who wrote it"
      },
      "text": {
        "type": "string"
      },
      "wechatTraceId": {
        "type": [
          "string",
          "null"
        ],
        "description": "msg_sec_check's trace_id; null when WeChat could not be asked (held because it was down)"
      },
      "wechatLabel": {
        "type": [
          "number",
          "null"
        ],
        "description": "msg_sec_check's result.label (e.g. 21000 other); null when WeChat could not be asked"
      },
      "status": {
        "$ref": "#/components/schemas/ContentReviewStatus"
      },
      "operatorId": {
        "type": [
          "number",
          "null"
        ],
        "description": "the admin account that decided; null while pending or when withdrawn"
      },
      "reason": {
        "type": [
          "string",
          "null"
        ],
        "description": "the operator's reason (required to reject)"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "decidedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "id",
      "subjectType",
      "subjectId",
      "userId",
      "text",
      "wechatTraceId",
      "wechatLabel",
      "status",
      "operatorId",
      "reason",
      "createdAt",
      "decidedAt"
    ],
    "additionalProperties": false,
    "description": "Shopper text WeChat's msg_sec_check answered `review` for, held for an operator."
  },
  "ContentReviewPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ContentReview"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false,
    "description": "GET /admin/content-reviews"
  },
  "ContentReviewStatus": {
    "type": "string",
    "enum": [
      "PENDING",
      "APPROVED",
      "REJECTED",
      "WITHDRAWN"
    ],
    "description": "PENDING waits for an operator; APPROVED applied the text; REJECTED dropped it; WITHDRAWN: the author replaced the text (a newer submission) before anyone decided."
  },
  "ContentReviewSubjectType": {
    "type": "string",
    "description": "What the held text belongs to, e.g. `user_nickname` (subjectId = the user's id)."
  },
  "CouponKind": {
    "type": "string",
    "enum": [
      "THRESHOLD",
      "PERCENT",
      "NO_THRESHOLD"
    ],
    "description": "THRESHOLD: 满 thresholdFen 减 amountFen; PERCENT: percentOff % off, at most maxDiscountFen; NO_THRESHOLD: amountFen off"
  },
  "CouponOffer": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "name": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/CouponKind"
      },
      "thresholdFen": {
        "$ref": "#/components/schemas/Fen"
      },
      "amountFen": {
        "$ref": "#/components/schemas/Fen"
      },
      "percentOff": {
        "type": "number"
      },
      "maxDiscountFen": {
        "$ref": "#/components/schemas/Fen"
      },
      "scope": {
        "$ref": "#/components/schemas/CouponScope"
      },
      "scopeIds": {
        "type": "array",
        "items": {
          "type": "number"
        }
      },
      "validFrom": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "validTo": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "validDays": {
        "type": [
          "number",
          "null"
        ]
      },
      "totalQuantity": {
        "type": "number"
      },
      "claimedCount": {
        "type": "number"
      },
      "perUserLimit": {
        "type": "number"
      },
      "issuing": {
        "type": "boolean"
      },
      "label": {
        "type": "string",
        "description": "a short Chinese label, e.g. \"满199减30\""
      },
      "claimedByMe": {
        "type": "number",
        "description": "how many of it the shopper holds (any status)"
      },
      "claimable": {
        "type": "boolean",
        "description": "false when sold out, stopped, or the shopper reached the limit"
      }
    },
    "required": [
      "amountFen",
      "claimable",
      "claimedByMe",
      "claimedCount",
      "id",
      "issuing",
      "kind",
      "label",
      "maxDiscountFen",
      "name",
      "perUserLimit",
      "percentOff",
      "scope",
      "scopeIds",
      "thresholdFen",
      "totalQuantity",
      "validDays",
      "validFrom",
      "validTo"
    ],
    "additionalProperties": false,
    "description": "A coupon-centre card: the template and what this shopper may still do with it."
  },
  "CouponOfferList": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/CouponOffer"
        }
      }
    },
    "required": [
      "items"
    ],
    "additionalProperties": false
  },
  "CouponOfferQuery": {
    "type": "object",
    "properties": {
      "productId": {
        "type": "number",
        "description": "only coupons usable on this product (product detail's 领券)"
      }
    },
    "additionalProperties": false
  },
  "CouponScope": {
    "type": "string",
    "enum": [
      "ALL",
      "CATEGORIES",
      "PRODUCTS"
    ]
  },
  "CouponTemplate": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "name": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/CouponKind"
      },
      "thresholdFen": {
        "$ref": "#/components/schemas/Fen"
      },
      "amountFen": {
        "$ref": "#/components/schemas/Fen"
      },
      "percentOff": {
        "type": "number"
      },
      "maxDiscountFen": {
        "$ref": "#/components/schemas/Fen"
      },
      "scope": {
        "$ref": "#/components/schemas/CouponScope"
      },
      "scopeIds": {
        "type": "array",
        "items": {
          "type": "number"
        }
      },
      "validFrom": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "validTo": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "validDays": {
        "type": [
          "number",
          "null"
        ]
      },
      "totalQuantity": {
        "type": "number"
      },
      "claimedCount": {
        "type": "number"
      },
      "perUserLimit": {
        "type": "number"
      },
      "issuing": {
        "type": "boolean"
      },
      "label": {
        "type": "string",
        "description": "a short Chinese label, e.g. \"满199减30\""
      }
    },
    "required": [
      "id",
      "name",
      "kind",
      "thresholdFen",
      "amountFen",
      "percentOff",
      "maxDiscountFen",
      "scope",
      "scopeIds",
      "validFrom",
      "validTo",
      "validDays",
      "totalQuantity",
      "claimedCount",
      "perUserLimit",
      "issuing",
      "label"
    ],
    "additionalProperties": false
  },
  "CouponTemplateInput": {
    "type": "object",
    "properties": {
      "name": {
        "type": "string",
        "maxLength": 64
      },
      "kind": {
        "$ref": "#/components/schemas/CouponKind"
      },
      "thresholdFen": {
        "$ref": "#/components/schemas/Fen",
        "description": "goods amount (fen) the order's in-scope goods must reach; THRESHOLD only"
      },
      "amountFen": {
        "$ref": "#/components/schemas/Fen",
        "description": "fen taken off (THRESHOLD, NO_THRESHOLD)"
      },
      "percentOff": {
        "type": "number",
        "description": "PERCENT: 1..99 percent off"
      },
      "maxDiscountFen": {
        "$ref": "#/components/schemas/Fen",
        "description": "PERCENT: the largest discount (fen); 0 = no cap"
      },
      "scope": {
        "$ref": "#/components/schemas/CouponScope"
      },
      "scopeIds": {
        "type": "array",
        "items": {
          "type": "number"
        },
        "description": "category ids (CATEGORIES) or product ids (PRODUCTS)"
      },
      "validFrom": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ],
        "description": "fixed validity window…"
      },
      "validTo": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "validDays": {
        "type": [
          "number",
          "null"
        ],
        "description": "…or valid this many days from the claim"
      },
      "totalQuantity": {
        "type": "number"
      },
      "perUserLimit": {
        "type": "number"
      },
      "issuing": {
        "type": "boolean"
      }
    },
    "required": [
      "name",
      "kind",
      "totalQuantity"
    ],
    "additionalProperties": false
  },
  "CouponTemplateUpdate": {
    "type": "object",
    "properties": {
      "name": {
        "type": "string",
        "maxLength": 64
      },
      "kind": {
        "$ref": "#/components/schemas/CouponKind"
      },
      "thresholdFen": {
        "$ref": "#/components/schemas/Fen",
        "description": "goods amount (fen) the order's in-scope goods must reach; THRESHOLD only"
      },
      "amountFen": {
        "$ref": "#/components/schemas/Fen",
        "description": "fen taken off (THRESHOLD, NO_THRESHOLD)"
      },
      "percentOff": {
        "type": "number",
        "description": "PERCENT: 1..99 percent off"
      },
      "maxDiscountFen": {
        "$ref": "#/components/schemas/Fen",
        "description": "PERCENT: the largest discount (fen); 0 = no cap"
      },
      "scope": {
        "$ref": "#/components/schemas/CouponScope"
      },
      "scopeIds": {
        "type": "array",
        "items": {
          "type": "number"
        },
        "description": "category ids (CATEGORIES) or product ids (PRODUCTS)"
      },
      "validFrom": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ],
        "description": "fixed validity window…"
      },
      "validTo": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "validDays": {
        "type": [
          "number",
          "null"
        ],
        "description": "…or valid this many days from the claim"
      },
      "totalQuantity": {
        "type": "number"
      },
      "perUserLimit": {
        "type": "number"
      },
      "issuing": {
        "type": "boolean"
      }
    },
    "additionalProperties": false,
    "description": "PATCH /admin/coupons/:id: only the fields given change. Name, quantity, per-shopper limit and issuing (start/stop) change at any time; the discount rules, scope and validity only while no coupon of the template has been claimed (409 COUPON_TEMPLATE_IN_USE after that: shoppers hold coupons on the old terms)."
  },
  "CreateAfterSaleRequest": {
    "type": "object",
    "properties": {
      "orderId": {
        "type": "number"
      },
      "skuId": {
        "type": "number"
      },
      "quantity": {
        "type": "number"
      },
      "type": {
        "$ref": "#/components/schemas/AfterSaleType"
      },
      "reason": {
        "type": "string",
        "maxLength": 64
      },
      "description": {
        "type": "string",
        "maxLength": 500
      },
      "photos": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "media refs from POST /media (at most 6)"
      }
    },
    "required": [
      "orderId",
      "skuId",
      "quantity",
      "type",
      "reason"
    ],
    "additionalProperties": false
  },
  "CreateBannerRequest": {
    "type": "object",
    "properties": {
      "title": {
        "type": "string",
        "minLength": 1,
        "maxLength": 64
      },
      "image": {
        "type": "string",
        "description": "an https URL, or the /media/… URL (or media:<id>) that POST /admin/media answered"
      },
      "link": {
        "type": [
          "string",
          "null"
        ],
        "description": "a mini-program path starting with /pages/, or an https URL"
      },
      "sortOrder": {
        "type": "number",
        "description": "smaller first; default 0"
      },
      "active": {
        "type": "boolean",
        "description": "default true"
      }
    },
    "required": [
      "title",
      "image"
    ],
    "additionalProperties": false
  },
  "CreateCategoryRequest": {
    "type": "object",
    "properties": {
      "name": {
        "type": "string"
      },
      "parentId": {
        "type": [
          "number",
          "null"
        ]
      },
      "icon": {
        "type": [
          "string",
          "null"
        ]
      },
      "sortOrder": {
        "type": "number"
      }
    },
    "required": [
      "name"
    ],
    "additionalProperties": false
  },
  "CreateOperatorRequest": {
    "type": "object",
    "properties": {
      "username": {
        "type": "string"
      },
      "password": {
        "type": "string"
      },
      "operatorRole": {
        "$ref": "#/components/schemas/OperatorRole"
      }
    },
    "required": [
      "username",
      "password",
      "operatorRole"
    ],
    "additionalProperties": false,
    "description": "POST /admin/operators"
  },
  "CreateOrderRequest": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/OrderItemInput"
        },
        "description": "explicit items (\"buy now\"); or omit and set fromCart"
      },
      "fromCart": {
        "type": "boolean",
        "description": "order the selected cart items"
      },
      "addressId": {
        "type": "number"
      },
      "remark": {
        "type": "string"
      },
      "couponId": {
        "type": "number",
        "description": "one of the shopper's usable coupons (GET /coupons/mine); omitted = no coupon"
      },
      "points": {
        "type": "number",
        "description": "points to spend (worth fenPerPoint each, at most the cap); omitted = none"
      }
    },
    "required": [
      "addressId"
    ],
    "additionalProperties": false
  },
  "CreateProductRequest": {
    "type": "object",
    "properties": {
      "title": {
        "type": "string"
      },
      "subtitle": {
        "type": [
          "string",
          "null"
        ]
      },
      "description": {
        "type": [
          "string",
          "null"
        ]
      },
      "categoryId": {
        "type": "number"
      },
      "images": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "onShelf": {
        "type": "boolean"
      },
      "specAxes": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/SpecAxis"
        }
      },
      "skus": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/SkuInput"
        }
      }
    },
    "required": [
      "title",
      "categoryId",
      "images",
      "specAxes",
      "skus"
    ],
    "additionalProperties": false
  },
  "CreateReviewRequest": {
    "type": "object",
    "properties": {
      "orderItemId": {
        "type": "number"
      },
      "rating": {
        "type": "number",
        "description": "1–5 stars"
      },
      "content": {
        "type": "string",
        "description": "up to 500 characters"
      },
      "images": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "up to 9 of your own uploads (`POST /media?kind=review`), by `ref` or `media:<id>`"
      },
      "anonymous": {
        "type": "boolean"
      }
    },
    "required": [
      "orderItemId",
      "rating",
      "content"
    ],
    "additionalProperties": false
  },
  "DailySales": {
    "type": "object",
    "properties": {
      "date": {
        "type": "string",
        "description": "yyyy-MM-dd, Beijing time"
      },
      "orders": {
        "type": "number",
        "description": "orders created that day"
      },
      "paidOrders": {
        "type": "number",
        "description": "orders paid that day"
      },
      "gmv": {
        "$ref": "#/components/schemas/Fen",
        "description": "sum of the payable amounts of the orders paid that day (refunds not taken out: see net)"
      },
      "refunds": {
        "type": "number",
        "description": "refunds that succeeded that day (whole-order and after-sale) of orders counted as paid"
      },
      "refunded": {
        "$ref": "#/components/schemas/Fen",
        "description": "money those refunds gave back that day"
      },
      "net": {
        "$ref": "#/components/schemas/Fen",
        "description": "gmv − refunded: what that day's paid orders brought in, less what was given back that day (may be negative)"
      }
    },
    "required": [
      "date",
      "orders",
      "paidOrders",
      "gmv",
      "refunds",
      "refunded",
      "net"
    ],
    "additionalProperties": false
  },
  "DailySalesReport": {
    "type": "object",
    "properties": {
      "from": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "to": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "days": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/DailySales"
        },
        "description": "one entry per Beijing calendar day touched by the range, oldest first, zeros included"
      }
    },
    "required": [
      "from",
      "to",
      "days"
    ],
    "additionalProperties": false
  },
  "ErrorCode": {
    "type": "string",
    "enum": [
      "VALIDATION_FAILED",
      "MALFORMED_JSON",
      "MALFORMED_REQUEST",
      "HEADERS_TOO_LARGE",
      "URL_TOO_LONG",
      "REQUEST_TIMEOUT",
      "UNSUPPORTED_MEDIA_TYPE",
      "PAYLOAD_TOO_LARGE",
      "NOT_FOUND",
      "ROUTE_NOT_FOUND",
      "METHOD_NOT_ALLOWED",
      "CONFLICT",
      "TOO_MANY_REQUESTS",
      "SERVICE_UNAVAILABLE",
      "INTERNAL_ERROR",
      "HEALTH_CHECK_FAILED",
      "UNAUTHORIZED",
      "TOKEN_EXPIRED",
      "FORBIDDEN",
      "INVALID_LOGIN_CODE",
      "WECHAT_RATE_LIMITED",
      "WECHAT_LOGIN_BLOCKED",
      "WECHAT_UNAVAILABLE",
      "INVALID_CREDENTIALS",
      "CATEGORY_NOT_FOUND",
      "CATEGORY_NOT_EMPTY",
      "CATEGORY_TOO_DEEP",
      "PRODUCT_NOT_FOUND",
      "SKU_NOT_FOUND",
      "BANNER_NOT_FOUND",
      "SKU_SPEC_MISMATCH",
      "STOCK_WOULD_BE_NEGATIVE",
      "CART_ITEM_NOT_FOUND",
      "CART_FULL",
      "ADDRESS_NOT_FOUND",
      "ADDRESS_LIMIT_REACHED",
      "ORDER_NOT_FOUND",
      "OUT_OF_STOCK",
      "PRODUCT_UNAVAILABLE",
      "EMPTY_ORDER",
      "ILLEGAL_ORDER_STATE",
      "IDEMPOTENCY_KEY_REUSED",
      "PURCHASE_LIMIT_EXCEEDED",
      "ORDER_TOO_LARGE",
      "ORDER_AMOUNT_TOO_LARGE",
      "TOO_MANY_UNPAID_ORDERS",
      "UNPAID_UNITS_LIMIT",
      "ORDER_NOT_PAYABLE",
      "ORDER_PAYMENT_IN_PROGRESS",
      "PAYMENT_PROVIDER_ERROR",
      "REFUND_NOT_ALLOWED",
      "CARRIER_NOT_SUPPORTED",
      "TRACKING_UNAVAILABLE",
      "TRACKING_PROVIDER_ERROR",
      "NOT_SHIPPED",
      "PARCEL_ITEMS_MISMATCH",
      "EXPORT_TOO_LARGE",
      "WECHAT_PUSH_REJECTED",
      "CONTENT_RISKY",
      "CONTENT_UNDER_REVIEW",
      "CONTENT_REVIEW_DECIDED",
      "PHONE_CODE_INVALID",
      "MEDIA_TYPE_NOT_ALLOWED",
      "MEDIA_TOO_LARGE",
      "MEDIA_TOO_MANY_FILES",
      "MEDIA_TOO_MANY_PIXELS",
      "MEDIA_UNREADABLE",
      "MEDIA_NO_FILE",
      "MEDIA_QUOTA_EXCEEDED",
      "MEDIA_NOT_FOUND",
      "MEDIA_IN_USE",
      "MEDIA_NOT_USABLE",
      "COUPON_NOT_FOUND",
      "COUPON_SOLD_OUT",
      "COUPON_LIMIT_REACHED",
      "COUPON_NOT_ISSUING",
      "COUPON_NOT_USABLE",
      "COUPON_TEMPLATE_IN_USE",
      "POINTS_INSUFFICIENT",
      "POINTS_OVER_CAP",
      "ALREADY_CHECKED_IN",
      "AFTERSALE_NOT_FOUND",
      "AFTERSALE_NOT_ALLOWED",
      "AFTERSALE_ALREADY_OPEN",
      "ILLEGAL_AFTERSALE_STATE",
      "REFUND_EXCEEDS_PAID",
      "FAVOURITES_LIMIT_REACHED",
      "ORDER_ITEM_NOT_FOUND",
      "REVIEW_NOT_FOUND",
      "REVIEW_ORDER_NOT_COMPLETED",
      "REVIEW_ALREADY_EXISTS",
      "REVIEW_WINDOW_CLOSED",
      "REVIEW_ALREADY_REPLIED",
      "REVIEW_STATE_CONFLICT"
    ],
    "description": "Stable error codes. Clients (the mini-program, operators' scripts) branch on these, never on messages, so a code is never renamed once released."
  },
  "ErrorResponse": {
    "type": "object",
    "properties": {
      "statusCode": {
        "type": "number"
      },
      "code": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ErrorCode"
          },
          {
            "type": "string"
          }
        ]
      },
      "message": {
        "type": "string"
      },
      "requestId": {
        "type": "string"
      },
      "errors": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/FieldError"
        }
      }
    },
    "required": [
      "statusCode",
      "code",
      "message"
    ],
    "additionalProperties": {
      "description": "Facts a client can act on, named per code (e.g. `skuId` with OUT_OF_STOCK)."
    },
    "description": "The one error body every endpoint answers with."
  },
  "EventType": {
    "anyOf": [
      {
        "$ref": "#/components/schemas/BehaviourEventType"
      },
      {
        "$ref": "#/components/schemas/ServerEventType"
      }
    ]
  },
  "FavouriteIds": {
    "type": "object",
    "properties": {
      "productIds": {
        "type": "array",
        "items": {
          "type": "number"
        }
      }
    },
    "required": [
      "productIds"
    ],
    "additionalProperties": false,
    "description": "Every product the shopper favourited (hearts on product cards), newest first."
  },
  "FavouriteItem": {
    "type": "object",
    "properties": {
      "productId": {
        "type": "number"
      },
      "title": {
        "type": "string"
      },
      "image": {
        "type": [
          "string",
          "null"
        ]
      },
      "minPrice": {
        "$ref": "#/components/schemas/Fen"
      },
      "availability": {
        "$ref": "#/components/schemas/ProductAvailability"
      },
      "favouritedAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "productId",
      "title",
      "image",
      "minPrice",
      "availability",
      "favouritedAt"
    ],
    "additionalProperties": false
  },
  "FavouritePage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/FavouriteItem"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false
  },
  "FavouriteStatus": {
    "type": "object",
    "properties": {
      "productId": {
        "type": "number"
      },
      "favourited": {
        "type": "boolean"
      },
      "count": {
        "type": "number"
      }
    },
    "required": [
      "productId",
      "favourited",
      "count"
    ],
    "additionalProperties": false,
    "description": "The heart on a product page: whether the shopper favourited it and how many shoppers did."
  },
  "Fen": {
    "type": "integer",
    "description": "Money is always integer fen (1/100 CNY). Never a float."
  },
  "FieldError": {
    "type": "object",
    "properties": {
      "field": {
        "type": "string",
        "description": "dotted path of the offending field, e.g. `items.0.quantity`"
      },
      "message": {
        "type": "string"
      }
    },
    "required": [
      "field",
      "message"
    ],
    "additionalProperties": false
  },
  "FollowUpReviewRequest": {
    "type": "object",
    "properties": {
      "content": {
        "type": "string"
      },
      "images": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    },
    "required": [
      "content"
    ],
    "additionalProperties": false
  },
  "FunnelReport": {
    "type": "object",
    "properties": {
      "from": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "to": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "steps": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/FunnelStep"
        }
      }
    },
    "required": [
      "from",
      "to",
      "steps"
    ],
    "additionalProperties": false
  },
  "FunnelStep": {
    "type": "object",
    "properties": {
      "step": {
        "$ref": "#/components/schemas/FunnelStepName"
      },
      "users": {
        "type": "number",
        "description": "distinct shoppers who did this in the range"
      },
      "conversion": {
        "type": "number",
        "description": "share of the previous step, 0..1 (1 for the first step; 0 when the previous step is 0)"
      }
    },
    "required": [
      "step",
      "users",
      "conversion"
    ],
    "additionalProperties": false
  },
  "FunnelStepName": {
    "type": "string",
    "enum": [
      "product_view",
      "add_to_cart",
      "order_created",
      "order_paid"
    ]
  },
  "HealthFailure": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "enum": [
          "ok",
          "error",
          "shutting_down",
          "degraded"
        ]
      },
      "info": {
        "type": "object",
        "additionalProperties": {
          "$ref": "#/components/schemas/HealthIndicatorState"
        }
      },
      "error": {
        "type": "object",
        "additionalProperties": {
          "$ref": "#/components/schemas/HealthIndicatorState"
        }
      },
      "details": {
        "type": "object",
        "additionalProperties": {
          "$ref": "#/components/schemas/HealthIndicatorState"
        }
      },
      "statusCode": {
        "type": "number"
      },
      "code": {
        "type": "string",
        "const": "HEALTH_CHECK_FAILED"
      },
      "message": {
        "type": "string"
      }
    },
    "required": [
      "code",
      "message",
      "status",
      "statusCode"
    ],
    "additionalProperties": false,
    "description": "The 503 answer of GET /health: the error shape (code HEALTH_CHECK_FAILED) with the report."
  },
  "HealthIndicatorState": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "enum": [
          "up",
          "down",
          "degraded"
        ]
      }
    },
    "required": [
      "status"
    ],
    "additionalProperties": {},
    "description": "One dependency's state as Terminus reports it, e.g. `{ \"status\": \"up\" }` (plus its own details)."
  },
  "HealthReport": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "enum": [
          "ok",
          "error",
          "shutting_down",
          "degraded"
        ]
      },
      "info": {
        "type": "object",
        "additionalProperties": {
          "$ref": "#/components/schemas/HealthIndicatorState"
        }
      },
      "error": {
        "type": "object",
        "additionalProperties": {
          "$ref": "#/components/schemas/HealthIndicatorState"
        }
      },
      "details": {
        "type": "object",
        "additionalProperties": {
          "$ref": "#/components/schemas/HealthIndicatorState"
        }
      }
    },
    "required": [
      "status"
    ],
    "additionalProperties": false,
    "description": "GET /health (readiness). A 503 carries the same fields next to the error shape's."
  },
  "HistoryItem": {
    "type": "object",
    "properties": {
      "productId": {
        "type": "number"
      },
      "title": {
        "type": "string"
      },
      "image": {
        "type": [
          "string",
          "null"
        ]
      },
      "minPrice": {
        "$ref": "#/components/schemas/Fen"
      },
      "availability": {
        "$ref": "#/components/schemas/ProductAvailability"
      },
      "viewedAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "productId",
      "title",
      "image",
      "minPrice",
      "availability",
      "viewedAt"
    ],
    "additionalProperties": false,
    "description": "One product in the browsing history (footprints), newest first, one row per product."
  },
  "HistoryPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/HistoryItem"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false
  },
  "HomePage": {
    "type": "object",
    "properties": {
      "banners": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Banner"
        }
      },
      "categories": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Category"
        }
      },
      "hot": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ProductSummary"
        }
      },
      "newest": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ProductSummary"
        }
      }
    },
    "required": [
      "banners",
      "categories",
      "hot",
      "newest"
    ],
    "additionalProperties": false
  },
  "IsoDateTime": {
    "type": "string",
    "description": "ISO-8601 timestamp string (UTC).",
    "format": "date-time"
  },
  "LivenessReport": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "const": "ok"
      },
      "uptimeSeconds": {
        "type": "number"
      }
    },
    "required": [
      "status",
      "uptimeSeconds"
    ],
    "additionalProperties": false,
    "description": "GET /health/live: the process answers; dependencies are never checked here."
  },
  "LoginResponse": {
    "type": "object",
    "properties": {
      "accessToken": {
        "type": "string"
      },
      "expiresIn": {
        "type": "number",
        "description": "seconds until the token expires"
      },
      "user": {
        "$ref": "#/components/schemas/UserProfile"
      }
    },
    "required": [
      "accessToken",
      "expiresIn",
      "user"
    ],
    "additionalProperties": false
  },
  "MeProfile": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "nickname": {
        "type": [
          "string",
          "null"
        ]
      },
      "avatarUrl": {
        "type": [
          "string",
          "null"
        ],
        "description": "240 px wide; an uploaded avatar is shown to its owner while WeChat's content check runs"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "nicknamePending": {
        "type": "boolean",
        "description": "a new nickname waits for an operator (WeChat's msg_sec_check said `review`); others still see `nickname`"
      },
      "pendingNickname": {
        "type": [
          "string",
          "null"
        ],
        "description": "the nickname that waits, shown only to its owner; null when none"
      },
      "phoneMasked": {
        "type": [
          "string",
          "null"
        ],
        "description": "the phone number bound through WeChat's button, masked (139****9876); null when none is bound"
      }
    },
    "required": [
      "avatarUrl",
      "createdAt",
      "id",
      "nickname",
      "nicknamePending",
      "pendingNickname",
      "phoneMasked"
    ],
    "additionalProperties": false,
    "description": "GET/PATCH /me: the profile as its owner sees it, with what still waits for an operator."
  },
  "Media": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "ref": {
        "type": "string",
        "description": "what to put in a product's `images`, a category's `icon` or a banner's `image`"
      },
      "kind": {
        "$ref": "#/components/schemas/MediaKind"
      },
      "status": {
        "$ref": "#/components/schemas/MediaStatus"
      },
      "sourceFormat": {
        "type": "string",
        "enum": [
          "jpeg",
          "png",
          "webp",
          "gif"
        ],
        "description": "the original's format, decided from its bytes"
      },
      "width": {
        "type": "number"
      },
      "height": {
        "type": "number"
      },
      "bytes": {
        "type": "number",
        "description": "size of the upload as received"
      },
      "url": {
        "type": "string",
        "description": "the 750 px JPEG: what pages show by default"
      },
      "variants": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/MediaVariant"
        }
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "id",
      "ref",
      "kind",
      "status",
      "sourceFormat",
      "width",
      "height",
      "bytes",
      "url",
      "variants",
      "createdAt"
    ],
    "additionalProperties": false
  },
  "MediaKind": {
    "type": "string",
    "enum": [
      "product",
      "banner",
      "category",
      "review",
      "avatar",
      "other"
    ],
    "description": "What an upload is for; decides nothing about processing, only what operators filter by."
  },
  "MediaReference": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string"
      },
      "id": {
        "type": "number"
      },
      "label": {
        "type": "string"
      }
    },
    "required": [
      "type",
      "id",
      "label"
    ],
    "additionalProperties": false
  },
  "MediaStatus": {
    "type": "string",
    "enum": [
      "PENDING",
      "READY",
      "REVIEW",
      "REJECTED"
    ],
    "description": "PENDING: a shopper's image waiting for WeChat's content check, shown only to its owner. READY: visible to anyone it is put in front of. REVIEW: WeChat asked for a human look; held. REJECTED: WeChat found it risky; its files are removed."
  },
  "MediaUploadResult": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Media"
        }
      }
    },
    "required": [
      "items"
    ],
    "additionalProperties": false
  },
  "MediaVariant": {
    "type": "object",
    "properties": {
      "name": {
        "$ref": "#/components/schemas/MediaWidth",
        "description": "the nominal width this file is served under (240, 750 or 1500)"
      },
      "format": {
        "type": "string",
        "enum": [
          "jpeg",
          "webp"
        ]
      },
      "width": {
        "type": "number"
      },
      "height": {
        "type": "number"
      },
      "bytes": {
        "type": "number"
      },
      "url": {
        "type": "string"
      }
    },
    "required": [
      "name",
      "format",
      "width",
      "height",
      "bytes",
      "url"
    ],
    "additionalProperties": false
  },
  "MediaWidth": {
    "type": "number",
    "enum": [
      240,
      750,
      1500
    ]
  },
  "ModerateReviewRequest": {
    "type": "object",
    "properties": {
      "reason": {
        "type": "string",
        "description": "recorded on the review and in the audit trail"
      }
    },
    "required": [
      "reason"
    ],
    "additionalProperties": false
  },
  "MyReview": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "kind": {
        "$ref": "#/components/schemas/ReviewKind"
      },
      "status": {
        "$ref": "#/components/schemas/ReviewStatus"
      },
      "orderId": {
        "type": "number"
      },
      "orderItemId": {
        "type": "number"
      },
      "productId": {
        "type": "number"
      },
      "rating": {
        "type": [
          "number",
          "null"
        ]
      },
      "content": {
        "type": "string"
      },
      "images": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "anonymous": {
        "type": "boolean"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "id",
      "kind",
      "status",
      "orderId",
      "orderItemId",
      "productId",
      "rating",
      "content",
      "images",
      "anonymous",
      "createdAt"
    ],
    "additionalProperties": false,
    "description": "A review as its author sees it, whatever its status."
  },
  "OperatorList": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/OperatorView"
        }
      }
    },
    "required": [
      "items"
    ],
    "additionalProperties": false
  },
  "OperatorRole": {
    "type": "string",
    "enum": [
      "owner",
      "operations",
      "customer_service",
      "finance"
    ],
    "description": "Who may call which admin route: the operator roles and the one permission table that the API enforces (AuthGuard, per route) and the console reads to hide what a role can't do.\n\nKeys are `METHOD path` as the OpenAPI document writes them, without the /api/v1 prefix. The owner may call every admin route; a route missing from the table is owner-only, so a route added later opens to nobody else by accident (an e2e test lists every admin route of the document and fails when one has no row here)."
  },
  "OperatorView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "username": {
        "type": "string"
      },
      "operatorRole": {
        "$ref": "#/components/schemas/OperatorRole"
      },
      "disabled": {
        "type": "boolean"
      },
      "lastLoginAt": {
        "type": [
          "string",
          "null"
        ]
      },
      "createdAt": {
        "type": "string"
      }
    },
    "required": [
      "id",
      "username",
      "operatorRole",
      "disabled",
      "lastLoginAt",
      "createdAt"
    ],
    "additionalProperties": false,
    "description": "GET /admin/operators: one operator as the owner manages them."
  },
  "Order": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "orderNo": {
        "type": "string"
      },
      "status": {
        "$ref": "#/components/schemas/OrderStatus"
      },
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/OrderItem"
        }
      },
      "goodsAmount": {
        "$ref": "#/components/schemas/Fen"
      },
      "freightAmount": {
        "$ref": "#/components/schemas/Fen"
      },
      "payableAmount": {
        "$ref": "#/components/schemas/Fen"
      },
      "discountAmount": {
        "$ref": "#/components/schemas/Fen",
        "description": "coupon and points taken off the goods (goods + freight − discount = payable)"
      },
      "address": {
        "$ref": "#/components/schemas/OrderAddress"
      },
      "remark": {
        "type": [
          "string",
          "null"
        ]
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "payDeadline": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "secondsToPay": {
        "type": "number",
        "description": "seconds left to pay while PENDING_PAYMENT, else 0"
      },
      "paidAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "shipment": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Shipment"
          },
          {
            "type": "null"
          }
        ],
        "description": "the first (or only) parcel: the one tracked for the shopper"
      },
      "shipments": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Shipment"
        },
        "description": "every parcel, in the order they were entered (split shipping); empty before shipping"
      },
      "completedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "cancelledAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "cancelReason": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "orderNo",
      "status",
      "items",
      "goodsAmount",
      "freightAmount",
      "payableAmount",
      "discountAmount",
      "address",
      "remark",
      "createdAt",
      "payDeadline",
      "secondsToPay",
      "paidAt",
      "shipment",
      "shipments",
      "completedAt",
      "cancelledAt",
      "cancelReason"
    ],
    "additionalProperties": false
  },
  "OrderAddress": {
    "type": "object",
    "properties": {
      "receiverName": {
        "type": "string"
      },
      "phone": {
        "type": "string"
      },
      "province": {
        "type": "string"
      },
      "city": {
        "type": "string"
      },
      "district": {
        "type": "string"
      },
      "detail": {
        "type": "string"
      }
    },
    "required": [
      "receiverName",
      "phone",
      "province",
      "city",
      "district",
      "detail"
    ],
    "additionalProperties": false
  },
  "OrderItem": {
    "type": "object",
    "properties": {
      "skuId": {
        "type": "number"
      },
      "productId": {
        "type": "number"
      },
      "title": {
        "type": "string"
      },
      "specs": {
        "$ref": "#/components/schemas/SpecValues"
      },
      "image": {
        "type": [
          "string",
          "null"
        ]
      },
      "unitPrice": {
        "$ref": "#/components/schemas/Fen"
      },
      "quantity": {
        "type": "number"
      },
      "subtotal": {
        "$ref": "#/components/schemas/Fen"
      }
    },
    "required": [
      "skuId",
      "productId",
      "title",
      "specs",
      "image",
      "unitPrice",
      "quantity",
      "subtotal"
    ],
    "additionalProperties": false
  },
  "OrderItemInput": {
    "type": "object",
    "properties": {
      "skuId": {
        "type": "number"
      },
      "quantity": {
        "type": "number"
      }
    },
    "required": [
      "skuId",
      "quantity"
    ],
    "additionalProperties": false
  },
  "OrderListQuery": {
    "type": "object",
    "properties": {
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      },
      "status": {
        "$ref": "#/components/schemas/OrderStatus"
      }
    },
    "additionalProperties": false
  },
  "OrderPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Order"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false
  },
  "OrderPaymentInfo": {
    "type": "object",
    "properties": {
      "orderId": {
        "type": "number"
      },
      "payment": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "outTradeNo": {
                "type": "string"
              },
              "transactionId": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "WeChat Pay's transaction id (null until paid)"
              },
              "amount": {
                "$ref": "#/components/schemas/Fen"
              },
              "status": {
                "type": "string",
                "enum": [
                  "PENDING",
                  "SUCCESS",
                  "CLOSED"
                ]
              },
              "paidAt": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/IsoDateTime"
                  },
                  {
                    "type": "null"
                  }
                ]
              }
            },
            "required": [
              "outTradeNo",
              "transactionId",
              "amount",
              "status",
              "paidAt"
            ],
            "additionalProperties": false
          },
          {
            "type": "null"
          }
        ],
        "description": "null: the shopper never started paying"
      },
      "refunds": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/OrderRefundRecord"
        }
      },
      "refundedAmount": {
        "$ref": "#/components/schemas/Fen",
        "description": "Σ refunds asked for, CLOSED ones excluded (they gave nothing back)"
      },
      "refundableAmount": {
        "$ref": "#/components/schemas/Fen",
        "description": "what a refund could still give back: paid − refunded (0 when unpaid)"
      }
    },
    "required": [
      "orderId",
      "payment",
      "refunds",
      "refundedAmount",
      "refundableAmount"
    ],
    "additionalProperties": false,
    "description": "GET /admin/orders/:id/payment: what was paid through WeChat Pay and what went back."
  },
  "OrderRefundRecord": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "kind": {
        "type": "string",
        "enum": [
          "admin",
          "aftersale",
          "paid_after_cancel"
        ],
        "description": "admin: an operator's refund of the rest; aftersale: one request's pieces; paid_after_cancel: money that arrived late"
      },
      "amount": {
        "$ref": "#/components/schemas/Fen"
      },
      "status": {
        "type": "string",
        "enum": [
          "SUBMITTING",
          "PROCESSING",
          "SUCCESS",
          "ABNORMAL",
          "CLOSED"
        ]
      },
      "reason": {
        "type": [
          "string",
          "null"
        ]
      },
      "outRefundNo": {
        "type": "string"
      },
      "refundId": {
        "type": [
          "string",
          "null"
        ],
        "description": "WeChat Pay's refund id, once it accepted the refund"
      },
      "aftersaleId": {
        "type": [
          "number",
          "null"
        ]
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "succeededAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "id",
      "kind",
      "amount",
      "status",
      "reason",
      "outRefundNo",
      "refundId",
      "aftersaleId",
      "createdAt",
      "succeededAt"
    ],
    "additionalProperties": false
  },
  "OrderStatus": {
    "type": "string",
    "enum": [
      "PENDING_PAYMENT",
      "PAID",
      "SHIPPED",
      "COMPLETED",
      "CANCELLED",
      "REFUNDING",
      "REFUNDED"
    ]
  },
  "OrderSummary": {
    "type": "object",
    "properties": {
      "total": {
        "type": "number"
      },
      "byStatus": {
        "type": "object",
        "properties": {
          "PENDING_PAYMENT": {
            "type": "number"
          },
          "PAID": {
            "type": "number"
          },
          "SHIPPED": {
            "type": "number"
          },
          "COMPLETED": {
            "type": "number"
          },
          "CANCELLED": {
            "type": "number"
          },
          "REFUNDING": {
            "type": "number"
          },
          "REFUNDED": {
            "type": "number"
          }
        },
        "required": [
          "PENDING_PAYMENT",
          "PAID",
          "SHIPPED",
          "COMPLETED",
          "CANCELLED",
          "REFUNDING",
          "REFUNDED"
        ],
        "additionalProperties": false
      }
    },
    "required": [
      "total",
      "byStatus"
    ],
    "additionalProperties": false,
    "description": "GET /orders/summary: how many of the shopper's orders are in each state, for the badges on the me page (one request instead of one list per tab)."
  },
  "PageQuery": {
    "type": "object",
    "properties": {
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "additionalProperties": false
  },
  "ParcelInput": {
    "type": "object",
    "properties": {
      "carrierCode": {
        "type": "string",
        "description": "a code from GET /logistics/carriers"
      },
      "trackingNo": {
        "type": "string"
      },
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ParcelItem"
        },
        "description": "the pieces in this parcel; give them for every parcel or for none. Given, each parcel holds at least one piece and together they hold exactly the order's lines.",
        "maxItems": 50
      }
    },
    "required": [
      "carrierCode",
      "trackingNo"
    ],
    "additionalProperties": false,
    "description": "One parcel as the operator enters it."
  },
  "ParcelItem": {
    "type": "object",
    "properties": {
      "skuId": {
        "type": "number"
      },
      "quantity": {
        "type": "number"
      }
    },
    "required": [
      "skuId",
      "quantity"
    ],
    "additionalProperties": false,
    "description": "Pieces of one order line in one parcel."
  },
  "PaySyncResponse": {
    "type": "object",
    "properties": {
      "status": {
        "$ref": "#/components/schemas/OrderStatus"
      },
      "paid": {
        "type": "boolean"
      }
    },
    "required": [
      "status",
      "paid"
    ],
    "additionalProperties": false
  },
  "PendingReviews": {
    "type": "object",
    "properties": {
      "total": {
        "type": "number"
      },
      "orderIds": {
        "type": "array",
        "items": {
          "type": "number"
        },
        "description": "orders with at least one item to review (the order list's \"评价\" button)"
      },
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ReviewableItem"
        }
      }
    },
    "required": [
      "total",
      "orderIds",
      "items"
    ],
    "additionalProperties": false,
    "description": "\"To review\": completed orders' items still inside the review window, not yet reviewed."
  },
  "PhoneBinding": {
    "type": "object",
    "properties": {
      "phoneMasked": {
        "type": [
          "string",
          "null"
        ],
        "description": "always masked, e.g. 138****8000; null when no number is bound"
      }
    },
    "required": [
      "phoneMasked"
    ],
    "additionalProperties": false
  },
  "PointsEntry": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "delta": {
        "type": "number"
      },
      "reason": {
        "$ref": "#/components/schemas/PointsReason"
      },
      "orderId": {
        "type": [
          "number",
          "null"
        ]
      },
      "expiresAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "id",
      "delta",
      "reason",
      "orderId",
      "expiresAt",
      "createdAt"
    ],
    "additionalProperties": false
  },
  "PointsReason": {
    "type": "string",
    "enum": [
      "CHECKIN",
      "EARN",
      "SPEND",
      "RETURN",
      "CLAWBACK",
      "EXPIRE"
    ]
  },
  "PointsSummary": {
    "type": "object",
    "properties": {
      "balance": {
        "type": "number"
      },
      "fenPerPoint": {
        "type": "number",
        "description": "fen one point is worth at checkout"
      },
      "maxSharePercent": {
        "type": "number",
        "description": "share of the goods amount points may pay, in percent"
      },
      "entries": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/PointsEntry"
        }
      }
    },
    "required": [
      "balance",
      "fenPerPoint",
      "maxSharePercent",
      "entries"
    ],
    "additionalProperties": false
  },
  "PreviewOrderRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "couponId": {
        "type": [
          "number",
          "null"
        ],
        "description": "a coupon to price with; omitted = the best usable one, null = none"
      },
      "addressId": {
        "type": "number",
        "description": "when given, it must be one of the shopper's own addresses (404 otherwise, as for /orders)"
      },
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/OrderItemInput"
        },
        "description": "explicit items (\"buy now\"); or omit and set fromCart"
      },
      "fromCart": {
        "type": "boolean",
        "description": "order the selected cart items"
      },
      "points": {
        "type": "number",
        "description": "points to spend (worth fenPerPoint each, at most the cap); omitted = none"
      }
    },
    "description": "What an order would cost, before it is placed. The address is optional: a first-time buyer sees the goods and the real total before adding one (freight does not depend on it)."
  },
  "PreviewOrderResponse": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/OrderItem"
        }
      },
      "goodsAmount": {
        "$ref": "#/components/schemas/Fen"
      },
      "freightAmount": {
        "$ref": "#/components/schemas/Fen"
      },
      "payableAmount": {
        "$ref": "#/components/schemas/Fen"
      },
      "discountAmount": {
        "$ref": "#/components/schemas/Fen",
        "description": "coupon + points discount"
      },
      "selectedCouponId": {
        "type": [
          "number",
          "null"
        ],
        "description": "the coupon priced in (the best usable one unless couponId said otherwise), else null"
      },
      "coupons": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/CheckoutCoupon"
        },
        "description": "the shopper's coupons, usable first (best first), unusable with their reason"
      },
      "points": {
        "$ref": "#/components/schemas/CheckoutPoints"
      }
    },
    "required": [
      "items",
      "goodsAmount",
      "freightAmount",
      "payableAmount",
      "discountAmount",
      "selectedCouponId",
      "coupons",
      "points"
    ],
    "additionalProperties": false
  },
  "ProductAvailability": {
    "type": "string",
    "enum": [
      "ON_SALE",
      "SOLD_OUT",
      "OFF_SHELF"
    ],
    "description": "How a remembered product can be bought now: lists show off-shelf and sold-out items as such."
  },
  "ProductDetail": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "title": {
        "type": "string"
      },
      "subtitle": {
        "type": [
          "string",
          "null"
        ]
      },
      "description": {
        "type": [
          "string",
          "null"
        ]
      },
      "categoryId": {
        "type": "number"
      },
      "images": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "onShelf": {
        "type": "boolean"
      },
      "minPrice": {
        "$ref": "#/components/schemas/Fen"
      },
      "sales": {
        "type": "number"
      },
      "specAxes": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/SpecAxis"
        }
      },
      "skus": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Sku"
        }
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "id",
      "title",
      "subtitle",
      "description",
      "categoryId",
      "images",
      "onShelf",
      "minPrice",
      "sales",
      "specAxes",
      "skus",
      "createdAt"
    ],
    "additionalProperties": false
  },
  "ProductListQuery": {
    "type": "object",
    "properties": {
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      },
      "categoryId": {
        "type": "number"
      },
      "keyword": {
        "type": "string"
      },
      "sort": {
        "$ref": "#/components/schemas/ProductSort"
      }
    },
    "additionalProperties": false
  },
  "ProductPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ProductSummary"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      },
      "totalIsLowerBound": {
        "type": "boolean",
        "description": "present (true) only when a search matched more products than it ranks: `total` is then a lower bound"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false,
    "description": "A page of products. A keyword search ranks at most 1,000 matches (docs/search.md): when more match, `total` is 1,000, `totalIsLowerBound` is true (\"1000+\") and the pages end there."
  },
  "ProductReviewOverview": {
    "type": "object",
    "properties": {
      "summary": {
        "$ref": "#/components/schemas/ReviewSummary"
      },
      "reviews": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Review"
        }
      }
    },
    "required": [
      "summary",
      "reviews"
    ],
    "additionalProperties": false,
    "description": "What the product page shows: the summary and the first reviews."
  },
  "ProductSort": {
    "type": "string",
    "enum": [
      "newest",
      "price_asc",
      "price_desc",
      "sales",
      "rating",
      "reviews"
    ],
    "description": "`rating`: average stars of public reviews (then their count); `reviews`: number of public reviews"
  },
  "ProductSummary": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "title": {
        "type": "string"
      },
      "subtitle": {
        "type": [
          "string",
          "null"
        ]
      },
      "categoryId": {
        "type": "number"
      },
      "image": {
        "type": [
          "string",
          "null"
        ]
      },
      "minPrice": {
        "$ref": "#/components/schemas/Fen"
      },
      "originalPrice": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Fen"
          },
          {
            "type": "null"
          }
        ]
      },
      "sales": {
        "type": "number"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "id",
      "title",
      "subtitle",
      "categoryId",
      "image",
      "minPrice",
      "originalPrice",
      "sales",
      "createdAt"
    ],
    "additionalProperties": false
  },
  "ReceiveReturnRequest": {
    "type": "object",
    "properties": {
      "restock": {
        "type": "boolean",
        "description": "put the returned pieces back into stock"
      }
    },
    "required": [
      "restock"
    ],
    "additionalProperties": false
  },
  "RecordSubscriptionsRequest": {
    "type": "object",
    "properties": {
      "results": {
        "type": "object",
        "additionalProperties": {
          "type": "string"
        },
        "description": "templateId → WeChat's answer: accept, reject, ban or filter (only ids from GET /wechat/subscriptions/templates)"
      }
    },
    "required": [
      "results"
    ],
    "additionalProperties": false,
    "description": "POST /wechat/subscriptions: wx.requestSubscribeMessage's success result without errMsg."
  },
  "RefundRequest": {
    "type": "object",
    "properties": {
      "reason": {
        "type": "string"
      }
    },
    "required": [
      "reason"
    ],
    "additionalProperties": false
  },
  "RejectAfterSaleRequest": {
    "type": "object",
    "properties": {
      "reason": {
        "type": "string",
        "maxLength": 200
      }
    },
    "required": [
      "reason"
    ],
    "additionalProperties": false
  },
  "RejectContentReviewRequest": {
    "type": "object",
    "properties": {
      "reason": {
        "type": "string",
        "description": "shown in the audit trail and to other operators; 1 to 200 characters"
      }
    },
    "required": [
      "reason"
    ],
    "additionalProperties": false,
    "description": "POST /admin/content-reviews/:id/reject"
  },
  "ReplyReviewRequest": {
    "type": "object",
    "properties": {
      "content": {
        "type": "string"
      }
    },
    "required": [
      "content"
    ],
    "additionalProperties": false
  },
  "RequestPaymentParams": {
    "type": "object",
    "properties": {
      "timeStamp": {
        "type": "string"
      },
      "nonceStr": {
        "type": "string"
      },
      "package": {
        "type": "string"
      },
      "signType": {
        "type": "string",
        "const": "RSA"
      },
      "paySign": {
        "type": "string"
      }
    },
    "required": [
      "timeStamp",
      "nonceStr",
      "package",
      "signType",
      "paySign"
    ],
    "additionalProperties": false,
    "description": "Exactly what wx.requestPayment takes (the mini-program does not pass appId)."
  },
  "ResetPasswordRequest": {
    "type": "object",
    "properties": {
      "newPassword": {
        "type": "string",
        "description": "8 characters to 72 bytes in UTF-8",
        "minLength": 8
      }
    },
    "required": [
      "newPassword"
    ],
    "additionalProperties": false,
    "description": "POST /admin/operators/:id/password: another operator's password."
  },
  "ReturnShipmentRequest": {
    "type": "object",
    "properties": {
      "carrierCode": {
        "type": "string"
      },
      "trackingNo": {
        "type": "string"
      }
    },
    "required": [
      "carrierCode",
      "trackingNo"
    ],
    "additionalProperties": false
  },
  "ReuploadShippingRequest": {
    "type": "object",
    "properties": {
      "parcels": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ShippingParcel"
        },
        "description": "several parcels = split delivery (at most 15); default: the parcels of the last upload, or the shipped one"
      },
      "logisticsType": {
        "type": "number",
        "enum": [
          1,
          3,
          4
        ],
        "description": "1 express, 3 virtual goods, 4 self-pickup; default: as before"
      }
    },
    "additionalProperties": false,
    "description": "POST /admin/orders/:id/wechat-shipping/reupload"
  },
  "Review": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "productId": {
        "type": "number"
      },
      "rating": {
        "type": "number"
      },
      "content": {
        "type": "string"
      },
      "images": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "anonymous": {
        "type": "boolean"
      },
      "nickname": {
        "type": "string"
      },
      "avatarUrl": {
        "type": [
          "string",
          "null"
        ]
      },
      "specs": {
        "$ref": "#/components/schemas/SpecValues"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "followUp": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ReviewFollowUp"
          },
          {
            "type": "null"
          }
        ]
      },
      "reply": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ReviewReply"
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "id",
      "productId",
      "rating",
      "content",
      "images",
      "anonymous",
      "nickname",
      "avatarUrl",
      "specs",
      "createdAt",
      "followUp",
      "reply"
    ],
    "additionalProperties": false,
    "description": "A public review. Anonymous ones show a masked nickname and no avatar."
  },
  "ReviewFilter": {
    "type": "string",
    "enum": [
      "all",
      "photos",
      "good",
      "medium",
      "bad"
    ],
    "description": "good: 4–5 stars, medium: 3, bad: 1–2"
  },
  "ReviewFollowUp": {
    "type": "object",
    "properties": {
      "content": {
        "type": "string"
      },
      "images": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "content",
      "images",
      "createdAt"
    ],
    "additionalProperties": false
  },
  "ReviewKind": {
    "type": "string",
    "enum": [
      "INITIAL",
      "FOLLOW_UP"
    ]
  },
  "ReviewPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Review"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false
  },
  "ReviewReply": {
    "type": "object",
    "properties": {
      "content": {
        "type": "string"
      },
      "repliedAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "content",
      "repliedAt"
    ],
    "additionalProperties": false
  },
  "ReviewStarCount": {
    "type": "object",
    "properties": {
      "star": {
        "type": "number"
      },
      "count": {
        "type": "number"
      }
    },
    "required": [
      "star",
      "count"
    ],
    "additionalProperties": false
  },
  "ReviewStatus": {
    "type": "string",
    "enum": [
      "PENDING",
      "HELD",
      "PUBLISHED",
      "HIDDEN",
      "REJECTED"
    ],
    "description": "PENDING: waiting for its photos' content check. HELD: WeChat asked for a person to look (text or photo); not public until an operator shows it. PUBLISHED: public. HIDDEN: an operator hid it. REJECTED: a photo was found risky; never public."
  },
  "ReviewSummary": {
    "type": "object",
    "properties": {
      "productId": {
        "type": "number"
      },
      "count": {
        "type": "number"
      },
      "average": {
        "type": "number",
        "description": "average stars, one decimal; 0 without reviews"
      },
      "goodRate": {
        "type": "number",
        "description": "share of 4–5 star reviews in percent (0–100, rounded)"
      },
      "byStar": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ReviewStarCount"
        },
        "description": "five rows, 5 stars first"
      },
      "withPhotos": {
        "type": "number"
      },
      "good": {
        "type": "number"
      },
      "medium": {
        "type": "number"
      },
      "bad": {
        "type": "number"
      }
    },
    "required": [
      "productId",
      "count",
      "average",
      "goodRate",
      "byStar",
      "withPhotos",
      "good",
      "medium",
      "bad"
    ],
    "additionalProperties": false,
    "description": "Public reviews of one product (hidden and held ones are not counted)."
  },
  "ReviewableItem": {
    "type": "object",
    "properties": {
      "orderId": {
        "type": "number"
      },
      "orderNo": {
        "type": "string"
      },
      "orderItemId": {
        "type": "number"
      },
      "productId": {
        "type": "number"
      },
      "skuId": {
        "type": "number"
      },
      "title": {
        "type": "string"
      },
      "specs": {
        "$ref": "#/components/schemas/SpecValues"
      },
      "image": {
        "type": [
          "string",
          "null"
        ]
      },
      "completedAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "reviewId": {
        "type": [
          "number",
          "null"
        ],
        "description": "the first review, once written"
      },
      "canReview": {
        "type": "boolean"
      },
      "canFollowUp": {
        "type": "boolean"
      }
    },
    "required": [
      "orderId",
      "orderNo",
      "orderItemId",
      "productId",
      "skuId",
      "title",
      "specs",
      "image",
      "completedAt",
      "reviewId",
      "canReview",
      "canFollowUp"
    ],
    "additionalProperties": false,
    "description": "An item of a completed order and what its shopper may still write about it."
  },
  "Role": {
    "type": "string",
    "enum": [
      "shopper",
      "admin"
    ]
  },
  "SelectAllRequest": {
    "type": "object",
    "properties": {
      "selected": {
        "type": "boolean"
      }
    },
    "required": [
      "selected"
    ],
    "additionalProperties": false
  },
  "ServerEventType": {
    "type": "string",
    "enum": [
      "order_created",
      "order_paid",
      "order_cancelled",
      "order_shipped",
      "order_completed",
      "refund_requested",
      "refund_succeeded",
      "refund_failed"
    ]
  },
  "ShipOrderRequest": {
    "type": "object",
    "properties": {
      "carrierCode": {
        "type": "string"
      },
      "trackingNo": {
        "type": "string"
      },
      "parcels": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ParcelInput"
        },
        "minItems": 1,
        "maxItems": 15
      }
    },
    "additionalProperties": false,
    "description": "POST /admin/orders/:id/ship: one parcel (`carrierCode` + `trackingNo`) or several (`parcels`, split shipping, at most 15 as WeChat's shipping-info upload takes), never both."
  },
  "Shipment": {
    "type": "object",
    "properties": {
      "carrierCode": {
        "type": "string"
      },
      "carrierName": {
        "type": "string"
      },
      "trackingNo": {
        "type": "string"
      },
      "shippedAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "items": {
        "anyOf": [
          {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ParcelItem"
            }
          },
          {
            "type": "null"
          }
        ],
        "description": "which pieces went in this parcel, when the operator said so; null = not itemised"
      }
    },
    "required": [
      "carrierCode",
      "carrierName",
      "trackingNo",
      "shippedAt",
      "items"
    ],
    "additionalProperties": false,
    "description": "One parcel of an order's shipment."
  },
  "ShippingParcel": {
    "type": "object",
    "properties": {
      "carrierCode": {
        "type": "string",
        "description": "our (Kuaidi100) carrier code, see GET /logistics/carriers"
      },
      "trackingNo": {
        "type": "string"
      }
    },
    "required": [
      "carrierCode",
      "trackingNo"
    ],
    "additionalProperties": false,
    "description": "One parcel reported to WeChat's shipping-information management."
  },
  "ShippingUpload": {
    "type": "object",
    "properties": {
      "orderId": {
        "type": "number"
      },
      "orderNo": {
        "type": "string"
      },
      "status": {
        "$ref": "#/components/schemas/ShippingUploadStatus"
      },
      "logisticsType": {
        "type": "number",
        "enum": [
          1,
          2,
          3,
          4
        ],
        "description": "1 express, 2 same-city delivery, 3 virtual goods, 4 self-pickup"
      },
      "parcels": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ShippingParcel"
        }
      },
      "attempts": {
        "type": "number"
      },
      "lastError": {
        "type": [
          "string",
          "null"
        ],
        "description": "WeChat's answer to the last failed attempt"
      },
      "nextAttemptAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ],
        "description": "when the next attempt runs (PENDING only)"
      },
      "uploadedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/IsoDateTime"
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "orderId",
      "orderNo",
      "status",
      "logisticsType",
      "parcels",
      "attempts",
      "lastError",
      "nextAttemptAt",
      "uploadedAt"
    ],
    "additionalProperties": false,
    "description": "One order's shipping-info upload to WeChat (发货信息录入)."
  },
  "ShippingUploadPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ShippingUpload"
        }
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false,
    "description": "GET /admin/wechat/shipping-uploads"
  },
  "ShippingUploadStatus": {
    "type": "string",
    "enum": [
      "PENDING",
      "UPLOADING",
      "DONE",
      "FAILED"
    ],
    "description": "FAILED = given up; re-upload after fixing the cause."
  },
  "SimulatePaymentResponse": {
    "type": "object",
    "properties": {
      "delivered": {
        "type": "boolean",
        "description": "the sandbox's signed notification reached our notify URL and was accepted"
      }
    },
    "required": [
      "delivered"
    ],
    "additionalProperties": false,
    "description": "POST /sandbox/orders/:id/simulate-payment (development only, WECHAT_SANDBOX on)."
  },
  "Sku": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "productId": {
        "type": "number"
      },
      "specs": {
        "$ref": "#/components/schemas/SpecValues"
      },
      "price": {
        "$ref": "#/components/schemas/Fen"
      },
      "originalPrice": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Fen"
          },
          {
            "type": "null"
          }
        ]
      },
      "stock": {
        "type": "number"
      },
      "code": {
        "type": [
          "string",
          "null"
        ]
      },
      "purchaseLimit": {
        "type": [
          "number",
          "null"
        ],
        "description": "most of this SKU one order may hold; null: the shop-wide default"
      }
    },
    "required": [
      "id",
      "productId",
      "specs",
      "price",
      "originalPrice",
      "stock",
      "code",
      "purchaseLimit"
    ],
    "additionalProperties": false
  },
  "SkuInput": {
    "type": "object",
    "properties": {
      "specs": {
        "$ref": "#/components/schemas/SpecValues"
      },
      "price": {
        "$ref": "#/components/schemas/Fen"
      },
      "originalPrice": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Fen"
          },
          {
            "type": "null"
          }
        ]
      },
      "stock": {
        "type": "number"
      },
      "code": {
        "type": [
          "string",
          "null"
        ]
      },
      "purchaseLimit": {
        "type": [
          "number",
          "null"
        ]
      }
    },
    "required": [
      "specs",
      "price",
      "stock"
    ],
    "additionalProperties": false
  },
  "SpecAxis": {
    "type": "object",
    "properties": {
      "name": {
        "type": "string"
      },
      "values": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    },
    "required": [
      "name",
      "values"
    ],
    "additionalProperties": false,
    "description": "One picker row: the axis name and its values in display order."
  },
  "SpecValues": {
    "type": "object",
    "additionalProperties": {
      "type": "string"
    },
    "description": "e.g. `{ \"颜色\": \"红\", \"尺码\": \"M\" }`"
  },
  "StockAdjustment": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "skuId": {
        "type": "number"
      },
      "delta": {
        "type": "number"
      },
      "stockAfter": {
        "type": "number"
      },
      "reason": {
        "type": "string"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "id",
      "skuId",
      "delta",
      "stockAfter",
      "reason",
      "createdAt"
    ],
    "additionalProperties": false,
    "description": "One audited relative stock change (POST /admin/skus/:id/stock-adjustments)."
  },
  "StockAdjustmentPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/StockAdjustmentRecord"
        },
        "description": "newest first"
      },
      "total": {
        "type": "number"
      },
      "page": {
        "type": "number"
      },
      "pageSize": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "total",
      "page",
      "pageSize"
    ],
    "additionalProperties": false
  },
  "StockAdjustmentRecord": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "delta": {
        "type": "number"
      },
      "stockAfter": {
        "type": "number"
      },
      "reason": {
        "type": "string"
      },
      "operator": {
        "type": [
          "string",
          "null"
        ],
        "description": "the operator's username; null when the operator was deleted"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "id",
      "delta",
      "stockAfter",
      "reason",
      "operator",
      "createdAt"
    ],
    "additionalProperties": false
  },
  "StockAdjustmentRequest": {
    "type": "object",
    "properties": {
      "delta": {
        "type": "number",
        "description": "relative change; the result can never go below zero"
      },
      "reason": {
        "type": "string"
      }
    },
    "required": [
      "delta",
      "reason"
    ],
    "additionalProperties": false
  },
  "SubscribeMoment": {
    "type": "string",
    "enum": [
      "pay",
      "aftersale"
    ],
    "description": "The tap that asks for subscriptions: checkout/pay or after-sale submit."
  },
  "SubscribeResult": {
    "type": "object",
    "properties": {
      "accepted": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "template ids recorded as one more allowed notice"
      }
    },
    "required": [
      "accepted"
    ],
    "additionalProperties": false
  },
  "SubscribeTemplates": {
    "type": "object",
    "properties": {
      "moment": {
        "$ref": "#/components/schemas/SubscribeMoment"
      },
      "templateIds": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "pass to wx.requestSubscribeMessage({tmplIds}); empty when no template is configured"
      }
    },
    "required": [
      "moment",
      "templateIds"
    ],
    "additionalProperties": false,
    "description": "GET /wechat/subscriptions/templates"
  },
  "TopKeyword": {
    "type": "object",
    "properties": {
      "keyword": {
        "type": "string"
      },
      "count": {
        "type": "number",
        "description": "shoppers who searched it (distinct: one shopper repeating a word counts once)"
      }
    },
    "required": [
      "keyword",
      "count"
    ],
    "additionalProperties": false
  },
  "TopKeywordsReport": {
    "type": "object",
    "properties": {
      "from": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "to": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/TopKeyword"
        }
      }
    },
    "required": [
      "from",
      "to",
      "items"
    ],
    "additionalProperties": false
  },
  "TopProduct": {
    "type": "object",
    "properties": {
      "productId": {
        "type": "number"
      },
      "title": {
        "type": [
          "string",
          "null"
        ]
      },
      "views": {
        "type": "number",
        "description": "shoppers who viewed it (distinct: one shopper viewing 1,000 times counts once)"
      }
    },
    "required": [
      "productId",
      "title",
      "views"
    ],
    "additionalProperties": false
  },
  "TopProductsReport": {
    "type": "object",
    "properties": {
      "from": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "to": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/TopProduct"
        }
      }
    },
    "required": [
      "from",
      "to",
      "items"
    ],
    "additionalProperties": false
  },
  "TrackEventsRequest": {
    "type": "object",
    "properties": {
      "events": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/BehaviourEventInput"
        }
      }
    },
    "required": [
      "events"
    ],
    "additionalProperties": false
  },
  "TrackEventsResponse": {
    "type": "object",
    "properties": {
      "accepted": {
        "type": "number",
        "description": "events taken into the write queue (fewer than sent only when the server is overloaded)"
      }
    },
    "required": [
      "accepted"
    ],
    "additionalProperties": false
  },
  "Tracking": {
    "type": "object",
    "properties": {
      "carrier": {
        "$ref": "#/components/schemas/Carrier"
      },
      "trackingNo": {
        "type": "string"
      },
      "state": {
        "type": [
          "number",
          "null"
        ],
        "description": "Kuaidi100 state code: 0 在途, 1 揽收, 3 签收, 5 派件 …; null while the carrier has no scan yet"
      },
      "stateText": {
        "type": "string"
      },
      "signed": {
        "type": "boolean"
      },
      "events": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/TrackingEvent"
        },
        "description": "newest first"
      },
      "message": {
        "type": [
          "string",
          "null"
        ],
        "description": "e.g. \"暂无物流信息，请稍后再查\" when the carrier has no scan yet"
      },
      "updatedAt": {
        "$ref": "#/components/schemas/IsoDateTime",
        "description": "when the carrier was last asked (answers are cached; Kuaidi100 locks numbers queried too often)"
      }
    },
    "required": [
      "carrier",
      "trackingNo",
      "state",
      "stateText",
      "signed",
      "events",
      "message",
      "updatedAt"
    ],
    "additionalProperties": false
  },
  "TrackingEvent": {
    "type": "object",
    "properties": {
      "time": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "context": {
        "type": "string"
      },
      "location": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "time",
      "context",
      "location"
    ],
    "additionalProperties": false
  },
  "UpdateAddressRequest": {
    "type": "object",
    "properties": {
      "receiverName": {
        "type": "string"
      },
      "phone": {
        "type": "string",
        "description": "mainland mobile, 11 digits starting with 1"
      },
      "province": {
        "type": "string"
      },
      "city": {
        "type": "string"
      },
      "district": {
        "type": "string"
      },
      "detail": {
        "type": "string"
      },
      "postalCode": {
        "type": [
          "string",
          "null"
        ]
      },
      "isDefault": {
        "type": "boolean"
      }
    },
    "additionalProperties": false
  },
  "UpdateBannerRequest": {
    "type": "object",
    "properties": {
      "title": {
        "type": "string",
        "minLength": 1,
        "maxLength": 64
      },
      "image": {
        "type": "string",
        "description": "an https URL, or the /media/… URL (or media:<id>) that POST /admin/media answered"
      },
      "link": {
        "type": [
          "string",
          "null"
        ],
        "description": "a mini-program path starting with /pages/, or an https URL"
      },
      "sortOrder": {
        "type": "number",
        "description": "smaller first; default 0"
      },
      "active": {
        "type": "boolean",
        "description": "default true"
      }
    },
    "additionalProperties": false
  },
  "UpdateCartItemRequest": {
    "type": "object",
    "properties": {
      "quantity": {
        "type": "number"
      },
      "selected": {
        "type": "boolean"
      }
    },
    "additionalProperties": false
  },
  "UpdateCategoryRequest": {
    "type": "object",
    "properties": {
      "name": {
        "type": "string"
      },
      "parentId": {
        "type": [
          "number",
          "null"
        ]
      },
      "icon": {
        "type": [
          "string",
          "null"
        ]
      },
      "sortOrder": {
        "type": "number"
      }
    },
    "additionalProperties": false
  },
  "UpdateOperatorRequest": {
    "type": "object",
    "properties": {
      "operatorRole": {
        "$ref": "#/components/schemas/OperatorRole"
      }
    },
    "required": [
      "operatorRole"
    ],
    "additionalProperties": false,
    "description": "PATCH /admin/operators/:id: a new role takes effect on the operator's next request."
  },
  "UpdateProductRequest": {
    "type": "object",
    "properties": {
      "title": {
        "type": "string"
      },
      "subtitle": {
        "type": [
          "string",
          "null"
        ]
      },
      "description": {
        "type": [
          "string",
          "null"
        ]
      },
      "categoryId": {
        "type": "number"
      },
      "images": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "onShelf": {
        "type": "boolean"
      },
      "specAxes": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/SpecAxis"
        }
      }
    },
    "additionalProperties": false
  },
  "UpdateProfileRequest": {
    "type": "object",
    "properties": {
      "nickname": {
        "type": "string"
      },
      "avatarUrl": {
        "type": "string",
        "description": "the `ref` of one's own avatar upload (`media:<id>`, POST /media?kind=avatar), or an http(s) URL"
      }
    },
    "additionalProperties": false
  },
  "UpdateSkuRequest": {
    "type": "object",
    "properties": {
      "specs": {
        "$ref": "#/components/schemas/SpecValues"
      },
      "price": {
        "$ref": "#/components/schemas/Fen"
      },
      "originalPrice": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Fen"
          },
          {
            "type": "null"
          }
        ]
      },
      "stock": {
        "type": "number"
      },
      "code": {
        "type": [
          "string",
          "null"
        ]
      },
      "purchaseLimit": {
        "type": [
          "number",
          "null"
        ]
      }
    },
    "additionalProperties": false
  },
  "UserCoupon": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "templateId": {
        "type": "number"
      },
      "name": {
        "type": "string"
      },
      "label": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/CouponKind"
      },
      "thresholdFen": {
        "$ref": "#/components/schemas/Fen"
      },
      "amountFen": {
        "$ref": "#/components/schemas/Fen"
      },
      "percentOff": {
        "type": "number"
      },
      "maxDiscountFen": {
        "$ref": "#/components/schemas/Fen"
      },
      "status": {
        "$ref": "#/components/schemas/UserCouponStatus"
      },
      "validFrom": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "validTo": {
        "$ref": "#/components/schemas/IsoDateTime"
      },
      "orderId": {
        "type": [
          "number",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "templateId",
      "name",
      "label",
      "kind",
      "thresholdFen",
      "amountFen",
      "percentOff",
      "maxDiscountFen",
      "status",
      "validFrom",
      "validTo",
      "orderId"
    ],
    "additionalProperties": false
  },
  "UserCouponList": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/UserCoupon"
        }
      }
    },
    "required": [
      "items"
    ],
    "additionalProperties": false
  },
  "UserCouponQuery": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "enum": [
          "usable",
          "used",
          "expired"
        ],
        "description": "usable = AVAILABLE and not expired; used = USED (and LOCKED by an unpaid order); expired"
      }
    },
    "additionalProperties": false
  },
  "UserCouponStatus": {
    "type": "string",
    "enum": [
      "AVAILABLE",
      "LOCKED",
      "USED",
      "EXPIRED"
    ]
  },
  "UserProfile": {
    "type": "object",
    "properties": {
      "id": {
        "type": "number"
      },
      "nickname": {
        "type": [
          "string",
          "null"
        ]
      },
      "avatarUrl": {
        "type": [
          "string",
          "null"
        ],
        "description": "240 px wide; an uploaded avatar is shown to its owner while WeChat's content check runs"
      },
      "createdAt": {
        "$ref": "#/components/schemas/IsoDateTime"
      }
    },
    "required": [
      "id",
      "nickname",
      "avatarUrl",
      "createdAt"
    ],
    "additionalProperties": false
  },
  "WechatLoginRequest": {
    "type": "object",
    "properties": {
      "code": {
        "type": "string",
        "description": "the code from wx.login(), valid once for about 5 minutes"
      }
    },
    "required": [
      "code"
    ],
    "additionalProperties": false
  }
};

/** Every exported type of libs/contracts, by name: what an @ApiRoute can reference. */
export type ContractName =
  | 'AddCartItemRequest'
  | 'Address'
  | 'AddressInput'
  | 'AdminAfterSale'
  | 'AdminAfterSaleListQuery'
  | 'AdminAfterSalePage'
  | 'AdminBanner'
  | 'AdminBannerList'
  | 'AdminCouponListQuery'
  | 'AdminCouponTemplate'
  | 'AdminCouponTemplatePage'
  | 'AdminLoginRequest'
  | 'AdminLoginResponse'
  | 'AdminMedia'
  | 'AdminMediaDetail'
  | 'AdminMediaPage'
  | 'AdminOrder'
  | 'AdminOrderFilter'
  | 'AdminOrderListQuery'
  | 'AdminOrderPage'
  | 'AdminOrderSort'
  | 'AdminProduct'
  | 'AdminProductListQuery'
  | 'AdminProductPage'
  | 'AdminProductRating'
  | 'AdminProductRatingPage'
  | 'AdminProductSort'
  | 'AdminProductStockFilter'
  | 'AdminProductSummary'
  | 'AdminProfile'
  | 'AdminReview'
  | 'AdminReviewPage'
  | 'AdminReviewSort'
  | 'AfterSale'
  | 'AfterSaleByOrdersQuery'
  | 'AfterSaleList'
  | 'AfterSaleListQuery'
  | 'AfterSaleOrderLabel'
  | 'AfterSaleOrderLine'
  | 'AfterSaleOrderState'
  | 'AfterSaleOrderStateList'
  | 'AfterSaleStatus'
  | 'AfterSaleType'
  | 'AnalyticsRangeQuery'
  | 'AnalyticsTopQuery'
  | 'ApproveContentReviewRequest'
  | 'AuditActor'
  | 'AuditActorType'
  | 'AuditKind'
  | 'AuditLogEntry'
  | 'AuditLogPage'
  | 'AuditLogQuery'
  | 'AuditOperator'
  | 'Banner'
  | 'BehaviourEventInput'
  | 'BehaviourEventType'
  | 'BindPhoneRequest'
  | 'BulkShelfFailure'
  | 'BulkShelfOk'
  | 'BulkShelfRequest'
  | 'BulkShelfResult'
  | 'BulkShipRequest'
  | 'BulkShipResult'
  | 'BulkShipRow'
  | 'BulkShipRowResult'
  | 'Carrier'
  | 'CarrierList'
  | 'CartItem'
  | 'CartItemState'
  | 'CartView'
  | 'Category'
  | 'CategoryNode'
  | 'ChangePasswordRequest'
  | 'CheckinResult'
  | 'CheckinStatus'
  | 'CheckoutCoupon'
  | 'CheckoutPoints'
  | 'ContentReview'
  | 'ContentReviewPage'
  | 'ContentReviewStatus'
  | 'ContentReviewSubjectType'
  | 'CouponKind'
  | 'CouponOffer'
  | 'CouponOfferList'
  | 'CouponOfferQuery'
  | 'CouponScope'
  | 'CouponTemplate'
  | 'CouponTemplateInput'
  | 'CouponTemplateUpdate'
  | 'CreateAfterSaleRequest'
  | 'CreateBannerRequest'
  | 'CreateCategoryRequest'
  | 'CreateOperatorRequest'
  | 'CreateOrderRequest'
  | 'CreateProductRequest'
  | 'CreateReviewRequest'
  | 'DailySales'
  | 'DailySalesReport'
  | 'ErrorCode'
  | 'ErrorResponse'
  | 'EventType'
  | 'FavouriteIds'
  | 'FavouriteItem'
  | 'FavouritePage'
  | 'FavouriteStatus'
  | 'Fen'
  | 'FieldError'
  | 'FollowUpReviewRequest'
  | 'FunnelReport'
  | 'FunnelStep'
  | 'FunnelStepName'
  | 'HealthFailure'
  | 'HealthIndicatorState'
  | 'HealthReport'
  | 'HistoryItem'
  | 'HistoryPage'
  | 'HomePage'
  | 'IsoDateTime'
  | 'LivenessReport'
  | 'LoginResponse'
  | 'MeProfile'
  | 'Media'
  | 'MediaKind'
  | 'MediaReference'
  | 'MediaStatus'
  | 'MediaUploadResult'
  | 'MediaVariant'
  | 'MediaWidth'
  | 'ModerateReviewRequest'
  | 'MyReview'
  | 'OperatorList'
  | 'OperatorRole'
  | 'OperatorView'
  | 'Order'
  | 'OrderAddress'
  | 'OrderItem'
  | 'OrderItemInput'
  | 'OrderListQuery'
  | 'OrderPage'
  | 'OrderPaymentInfo'
  | 'OrderRefundRecord'
  | 'OrderStatus'
  | 'OrderSummary'
  | 'PageQuery'
  | 'ParcelInput'
  | 'ParcelItem'
  | 'PaySyncResponse'
  | 'PendingReviews'
  | 'PhoneBinding'
  | 'PointsEntry'
  | 'PointsReason'
  | 'PointsSummary'
  | 'PreviewOrderRequest'
  | 'PreviewOrderResponse'
  | 'ProductAvailability'
  | 'ProductDetail'
  | 'ProductListQuery'
  | 'ProductPage'
  | 'ProductReviewOverview'
  | 'ProductSort'
  | 'ProductSummary'
  | 'ReceiveReturnRequest'
  | 'RecordSubscriptionsRequest'
  | 'RefundRequest'
  | 'RejectAfterSaleRequest'
  | 'RejectContentReviewRequest'
  | 'ReplyReviewRequest'
  | 'RequestPaymentParams'
  | 'ResetPasswordRequest'
  | 'ReturnShipmentRequest'
  | 'ReuploadShippingRequest'
  | 'Review'
  | 'ReviewFilter'
  | 'ReviewFollowUp'
  | 'ReviewKind'
  | 'ReviewPage'
  | 'ReviewReply'
  | 'ReviewStarCount'
  | 'ReviewStatus'
  | 'ReviewSummary'
  | 'ReviewableItem'
  | 'Role'
  | 'SelectAllRequest'
  | 'ServerEventType'
  | 'ShipOrderRequest'
  | 'Shipment'
  | 'ShippingParcel'
  | 'ShippingUpload'
  | 'ShippingUploadPage'
  | 'ShippingUploadStatus'
  | 'SimulatePaymentResponse'
  | 'Sku'
  | 'SkuInput'
  | 'SpecAxis'
  | 'SpecValues'
  | 'StockAdjustment'
  | 'StockAdjustmentPage'
  | 'StockAdjustmentRecord'
  | 'StockAdjustmentRequest'
  | 'SubscribeMoment'
  | 'SubscribeResult'
  | 'SubscribeTemplates'
  | 'TopKeyword'
  | 'TopKeywordsReport'
  | 'TopProduct'
  | 'TopProductsReport'
  | 'TrackEventsRequest'
  | 'TrackEventsResponse'
  | 'Tracking'
  | 'TrackingEvent'
  | 'UpdateAddressRequest'
  | 'UpdateBannerRequest'
  | 'UpdateCartItemRequest'
  | 'UpdateCategoryRequest'
  | 'UpdateOperatorRequest'
  | 'UpdateProductRequest'
  | 'UpdateProfileRequest'
  | 'UpdateSkuRequest'
  | 'UserCoupon'
  | 'UserCouponList'
  | 'UserCouponQuery'
  | 'UserCouponStatus'
  | 'UserProfile'
  | 'WechatLoginRequest';

/** The TypeScript type behind each name, so a route documented as `Order` must return an Order. */
export interface ContractTypes {
  AddCartItemRequest: C.AddCartItemRequest;
  Address: C.Address;
  AddressInput: C.AddressInput;
  AdminAfterSale: C.AdminAfterSale;
  AdminAfterSaleListQuery: C.AdminAfterSaleListQuery;
  AdminAfterSalePage: C.AdminAfterSalePage;
  AdminBanner: C.AdminBanner;
  AdminBannerList: C.AdminBannerList;
  AdminCouponListQuery: C.AdminCouponListQuery;
  AdminCouponTemplate: C.AdminCouponTemplate;
  AdminCouponTemplatePage: C.AdminCouponTemplatePage;
  AdminLoginRequest: C.AdminLoginRequest;
  AdminLoginResponse: C.AdminLoginResponse;
  AdminMedia: C.AdminMedia;
  AdminMediaDetail: C.AdminMediaDetail;
  AdminMediaPage: C.AdminMediaPage;
  AdminOrder: C.AdminOrder;
  AdminOrderFilter: C.AdminOrderFilter;
  AdminOrderListQuery: C.AdminOrderListQuery;
  AdminOrderPage: C.AdminOrderPage;
  AdminOrderSort: C.AdminOrderSort;
  AdminProduct: C.AdminProduct;
  AdminProductListQuery: C.AdminProductListQuery;
  AdminProductPage: C.AdminProductPage;
  AdminProductRating: C.AdminProductRating;
  AdminProductRatingPage: C.AdminProductRatingPage;
  AdminProductSort: C.AdminProductSort;
  AdminProductStockFilter: C.AdminProductStockFilter;
  AdminProductSummary: C.AdminProductSummary;
  AdminProfile: C.AdminProfile;
  AdminReview: C.AdminReview;
  AdminReviewPage: C.AdminReviewPage;
  AdminReviewSort: C.AdminReviewSort;
  AfterSale: C.AfterSale;
  AfterSaleByOrdersQuery: C.AfterSaleByOrdersQuery;
  AfterSaleList: C.AfterSaleList;
  AfterSaleListQuery: C.AfterSaleListQuery;
  AfterSaleOrderLabel: C.AfterSaleOrderLabel;
  AfterSaleOrderLine: C.AfterSaleOrderLine;
  AfterSaleOrderState: C.AfterSaleOrderState;
  AfterSaleOrderStateList: C.AfterSaleOrderStateList;
  AfterSaleStatus: C.AfterSaleStatus;
  AfterSaleType: C.AfterSaleType;
  AnalyticsRangeQuery: C.AnalyticsRangeQuery;
  AnalyticsTopQuery: C.AnalyticsTopQuery;
  ApproveContentReviewRequest: C.ApproveContentReviewRequest;
  AuditActor: C.AuditActor;
  AuditActorType: C.AuditActorType;
  AuditKind: C.AuditKind;
  AuditLogEntry: C.AuditLogEntry;
  AuditLogPage: C.AuditLogPage;
  AuditLogQuery: C.AuditLogQuery;
  AuditOperator: C.AuditOperator;
  Banner: C.Banner;
  BehaviourEventInput: C.BehaviourEventInput;
  BehaviourEventType: C.BehaviourEventType;
  BindPhoneRequest: C.BindPhoneRequest;
  BulkShelfFailure: C.BulkShelfFailure;
  BulkShelfOk: C.BulkShelfOk;
  BulkShelfRequest: C.BulkShelfRequest;
  BulkShelfResult: C.BulkShelfResult;
  BulkShipRequest: C.BulkShipRequest;
  BulkShipResult: C.BulkShipResult;
  BulkShipRow: C.BulkShipRow;
  BulkShipRowResult: C.BulkShipRowResult;
  Carrier: C.Carrier;
  CarrierList: C.CarrierList;
  CartItem: C.CartItem;
  CartItemState: C.CartItemState;
  CartView: C.CartView;
  Category: C.Category;
  CategoryNode: C.CategoryNode;
  ChangePasswordRequest: C.ChangePasswordRequest;
  CheckinResult: C.CheckinResult;
  CheckinStatus: C.CheckinStatus;
  CheckoutCoupon: C.CheckoutCoupon;
  CheckoutPoints: C.CheckoutPoints;
  ContentReview: C.ContentReview;
  ContentReviewPage: C.ContentReviewPage;
  ContentReviewStatus: C.ContentReviewStatus;
  ContentReviewSubjectType: C.ContentReviewSubjectType;
  CouponKind: C.CouponKind;
  CouponOffer: C.CouponOffer;
  CouponOfferList: C.CouponOfferList;
  CouponOfferQuery: C.CouponOfferQuery;
  CouponScope: C.CouponScope;
  CouponTemplate: C.CouponTemplate;
  CouponTemplateInput: C.CouponTemplateInput;
  CouponTemplateUpdate: C.CouponTemplateUpdate;
  CreateAfterSaleRequest: C.CreateAfterSaleRequest;
  CreateBannerRequest: C.CreateBannerRequest;
  CreateCategoryRequest: C.CreateCategoryRequest;
  CreateOperatorRequest: C.CreateOperatorRequest;
  CreateOrderRequest: C.CreateOrderRequest;
  CreateProductRequest: C.CreateProductRequest;
  CreateReviewRequest: C.CreateReviewRequest;
  DailySales: C.DailySales;
  DailySalesReport: C.DailySalesReport;
  ErrorCode: C.ErrorCode;
  ErrorResponse: C.ErrorResponse;
  EventType: C.EventType;
  FavouriteIds: C.FavouriteIds;
  FavouriteItem: C.FavouriteItem;
  FavouritePage: C.FavouritePage;
  FavouriteStatus: C.FavouriteStatus;
  Fen: C.Fen;
  FieldError: C.FieldError;
  FollowUpReviewRequest: C.FollowUpReviewRequest;
  FunnelReport: C.FunnelReport;
  FunnelStep: C.FunnelStep;
  FunnelStepName: C.FunnelStepName;
  HealthFailure: C.HealthFailure;
  HealthIndicatorState: C.HealthIndicatorState;
  HealthReport: C.HealthReport;
  HistoryItem: C.HistoryItem;
  HistoryPage: C.HistoryPage;
  HomePage: C.HomePage;
  IsoDateTime: C.IsoDateTime;
  LivenessReport: C.LivenessReport;
  LoginResponse: C.LoginResponse;
  MeProfile: C.MeProfile;
  Media: C.Media;
  MediaKind: C.MediaKind;
  MediaReference: C.MediaReference;
  MediaStatus: C.MediaStatus;
  MediaUploadResult: C.MediaUploadResult;
  MediaVariant: C.MediaVariant;
  MediaWidth: C.MediaWidth;
  ModerateReviewRequest: C.ModerateReviewRequest;
  MyReview: C.MyReview;
  OperatorList: C.OperatorList;
  OperatorRole: C.OperatorRole;
  OperatorView: C.OperatorView;
  Order: C.Order;
  OrderAddress: C.OrderAddress;
  OrderItem: C.OrderItem;
  OrderItemInput: C.OrderItemInput;
  OrderListQuery: C.OrderListQuery;
  OrderPage: C.OrderPage;
  OrderPaymentInfo: C.OrderPaymentInfo;
  OrderRefundRecord: C.OrderRefundRecord;
  OrderStatus: C.OrderStatus;
  OrderSummary: C.OrderSummary;
  PageQuery: C.PageQuery;
  ParcelInput: C.ParcelInput;
  ParcelItem: C.ParcelItem;
  PaySyncResponse: C.PaySyncResponse;
  PendingReviews: C.PendingReviews;
  PhoneBinding: C.PhoneBinding;
  PointsEntry: C.PointsEntry;
  PointsReason: C.PointsReason;
  PointsSummary: C.PointsSummary;
  PreviewOrderRequest: C.PreviewOrderRequest;
  PreviewOrderResponse: C.PreviewOrderResponse;
  ProductAvailability: C.ProductAvailability;
  ProductDetail: C.ProductDetail;
  ProductListQuery: C.ProductListQuery;
  ProductPage: C.ProductPage;
  ProductReviewOverview: C.ProductReviewOverview;
  ProductSort: C.ProductSort;
  ProductSummary: C.ProductSummary;
  ReceiveReturnRequest: C.ReceiveReturnRequest;
  RecordSubscriptionsRequest: C.RecordSubscriptionsRequest;
  RefundRequest: C.RefundRequest;
  RejectAfterSaleRequest: C.RejectAfterSaleRequest;
  RejectContentReviewRequest: C.RejectContentReviewRequest;
  ReplyReviewRequest: C.ReplyReviewRequest;
  RequestPaymentParams: C.RequestPaymentParams;
  ResetPasswordRequest: C.ResetPasswordRequest;
  ReturnShipmentRequest: C.ReturnShipmentRequest;
  ReuploadShippingRequest: C.ReuploadShippingRequest;
  Review: C.Review;
  ReviewFilter: C.ReviewFilter;
  ReviewFollowUp: C.ReviewFollowUp;
  ReviewKind: C.ReviewKind;
  ReviewPage: C.ReviewPage;
  ReviewReply: C.ReviewReply;
  ReviewStarCount: C.ReviewStarCount;
  ReviewStatus: C.ReviewStatus;
  ReviewSummary: C.ReviewSummary;
  ReviewableItem: C.ReviewableItem;
  Role: C.Role;
  SelectAllRequest: C.SelectAllRequest;
  ServerEventType: C.ServerEventType;
  ShipOrderRequest: C.ShipOrderRequest;
  Shipment: C.Shipment;
  ShippingParcel: C.ShippingParcel;
  ShippingUpload: C.ShippingUpload;
  ShippingUploadPage: C.ShippingUploadPage;
  ShippingUploadStatus: C.ShippingUploadStatus;
  SimulatePaymentResponse: C.SimulatePaymentResponse;
  Sku: C.Sku;
  SkuInput: C.SkuInput;
  SpecAxis: C.SpecAxis;
  SpecValues: C.SpecValues;
  StockAdjustment: C.StockAdjustment;
  StockAdjustmentPage: C.StockAdjustmentPage;
  StockAdjustmentRecord: C.StockAdjustmentRecord;
  StockAdjustmentRequest: C.StockAdjustmentRequest;
  SubscribeMoment: C.SubscribeMoment;
  SubscribeResult: C.SubscribeResult;
  SubscribeTemplates: C.SubscribeTemplates;
  TopKeyword: C.TopKeyword;
  TopKeywordsReport: C.TopKeywordsReport;
  TopProduct: C.TopProduct;
  TopProductsReport: C.TopProductsReport;
  TrackEventsRequest: C.TrackEventsRequest;
  TrackEventsResponse: C.TrackEventsResponse;
  Tracking: C.Tracking;
  TrackingEvent: C.TrackingEvent;
  UpdateAddressRequest: C.UpdateAddressRequest;
  UpdateBannerRequest: C.UpdateBannerRequest;
  UpdateCartItemRequest: C.UpdateCartItemRequest;
  UpdateCategoryRequest: C.UpdateCategoryRequest;
  UpdateOperatorRequest: C.UpdateOperatorRequest;
  UpdateProductRequest: C.UpdateProductRequest;
  UpdateProfileRequest: C.UpdateProfileRequest;
  UpdateSkuRequest: C.UpdateSkuRequest;
  UserCoupon: C.UserCoupon;
  UserCouponList: C.UserCouponList;
  UserCouponQuery: C.UserCouponQuery;
  UserCouponStatus: C.UserCouponStatus;
  UserProfile: C.UserProfile;
  WechatLoginRequest: C.WechatLoginRequest;
}
