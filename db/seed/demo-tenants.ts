// The five demo customers, their sites, catalogues and how well each is served.
import type { Locale } from "#app/i18n/locales";
import type { TenantTier } from "../schema/tenancy";

export interface DemoSite {
  code: string;
  name: string;
  city: string;
  country: string;
  timeZone: string;
  /** The site's own short-ship rate (default: the account's): where short shipments concentrate. */
  shortShipRate?: number;
}

export interface TenantProfile {
  id: string;
  slug: string;
  name: string;
  tier: TenantTier;
  timeZone: string;
  /** The account's default locale (its users may choose another). */
  defaultLocale: Locale;
  country: string;
  region: string | null;
  currency: string;
  /** Probability that a delivered order arrives on or before its promised date. */
  onTimeRate: number;
  /** Probability that an order ships short on some line. */
  shortShipRate: number;
  orders: number;
  /** The account's carriers (which one carries an order, and how reliably, may follow `story`). */
  carriers: readonly { name: string; url: string }[];
  sites: readonly DemoSite[];
  catalogue: readonly { sku: string; description: string; price: number }[];
  emailDomain: string;
  /** How the account's service changes over time and with the seasons: the demo's story. */
  story?: (m: StoryMoment) => ServiceAtMoment;
}

/** When an order is due: what an account's service may vary with. */
export interface StoryMoment {
  /** Whole days from the order's promised date back to the day the demo is seeded (0 = today). */
  daysAgo: number;
  /** The promised date's month, 1-12. */
  month: number;
}

/** The service an order due at a moment gets; anything left out is the profile's flat figure. */
export interface ServiceAtMoment {
  onTimeRate?: number;
  shortShipRate?: number;
  /** Probability that an order waits for stock (a backordered order is always late). */
  backorderRate?: number;
  /** Short-ship rates of particular sites (by code). */
  siteShortShipRate?: Readonly<Record<string, number>>;
  /** The carriers in use (by name) with their share of orders and on-time rate (default: all, equal shares). */
  carriers?: readonly { name: string; share: number; onTimeRate?: number }[];
}

/** The backorder rate when the story does not set one. */
export const DEFAULT_BACKORDER_RATE = 0.07;

/** Linear from `then` (at `fromDaysAgo` or earlier) to `now` (at `toDaysAgo` or later). */
function trend(m: StoryMoment, fromDaysAgo: number, then: number, toDaysAgo: number, now: number): number {
  const x = Math.min(1, Math.max(0, (fromDaysAgo - m.daysAgo) / (fromDaysAgo - toDaysAgo)));
  return then + (now - then) * x;
}

/** Days before seeding that Acme moved most of its freight from UPS to FedEx (about five 4-4-5 periods). */
export const ACME_CARRIER_CHANGE_DAYS_AGO = 150;

const industrial = [
  { sku: "BRG-6204-2RS", description: "Deep groove ball bearing 6204-2RS", price: 4.8 },
  { sku: "BRG-6305-ZZ", description: "Deep groove ball bearing 6305-ZZ", price: 7.9 },
  { sku: "MTR-0750-TEFC", description: "0.75 kW TEFC induction motor", price: 289 },
  { sku: "MTR-2200-TEFC", description: "2.2 kW TEFC induction motor", price: 512 },
  { sku: "GBX-R37-20", description: "Helical gearbox R37, ratio 20:1", price: 640 },
  { sku: "CPL-JAW-L100", description: "Jaw coupling L100 with spider", price: 38.5 },
  { sku: "VLV-BALL-DN25", description: "Stainless ball valve DN25", price: 61 },
  { sku: "SNS-PROX-M18", description: "Inductive proximity sensor M18", price: 44 },
  { sku: "PLC-IO-16DI", description: "PLC input module, 16 DI", price: 219 },
  { sku: "CBL-M12-5P-5M", description: "M12 5-pin sensor cable, 5 m", price: 17.2 },
  { sku: "FLT-HYD-10MU", description: "Hydraulic filter element 10 µm", price: 27.4 },
  { sku: "BLT-V-SPA1250", description: "V-belt SPA 1250", price: 12.6 },
];

const retail = [
  { sku: "HOME-TWL-BATH-WH", description: "Bath towel, white, 70×140", price: 9.5 },
  { sku: "HOME-MUG-350-BLU", description: "Stoneware mug 350 ml, indigo", price: 4.2 },
  { sku: "KIT-PAN-28-NS", description: "Non-stick frying pan 28 cm", price: 21 },
  { sku: "KIT-KNF-SANTOKU", description: "Santoku knife 17 cm", price: 34 },
  { sku: "STA-NB-A5-DOT", description: "Notebook A5, dotted", price: 3.1 },
  { sku: "APP-TEE-M-NVY", description: "Cotton T-shirt, navy, M", price: 6.8 },
  { sku: "APP-SOCK-3P-GRY", description: "Socks 3-pack, grey", price: 4.5 },
  { sku: "BTY-SHAMP-500", description: "Shampoo 500 ml", price: 3.9 },
];

const food = [
  { sku: "FD-OATS-25KG", description: "Rolled oats, 25 kg sack", price: 31 },
  { sku: "FD-MILK-UHT-1L", description: "UHT milk 1 L, case of 12", price: 14.4 },
  { sku: "FD-FLOUR-12.5", description: "Bakers flour 12.5 kg", price: 18.9 },
  { sku: "FD-OIL-CAN-20L", description: "Canola oil 20 L drum", price: 52 },
  { sku: "FD-SUGAR-25KG", description: "Raw sugar 25 kg", price: 29.5 },
  { sku: "FD-CHS-CHED-5KG", description: "Cheddar block 5 kg (chilled)", price: 61 },
  { sku: "PK-TRAY-PET-500", description: "PET food tray, 500 pcs", price: 44 },
];

const electronics = [
  { sku: "ELC-RES-0603-10K", description: "Resistor 10 kΩ 0603, reel of 5000", price: 6.5 },
  { sku: "ELC-CAP-0805-1U", description: "Capacitor 1 µF 0805, reel of 4000", price: 11.2 },
  { sku: "ELC-MCU-STM32F4", description: "Microcontroller STM32F411, tray of 90", price: 306 },
  { sku: "ELC-CON-USBC-RA", description: "USB-C receptacle, right angle, 500 pcs", price: 95 },
  { sku: "ELC-PCB-4L-A", description: "4-layer PCB, panel A", price: 142 },
  { sku: "ELC-IND-4R7", description: "Power inductor 4.7 µH, reel", price: 48 },
];

export const DEMO_TENANTS: readonly TenantProfile[] = [
  {
    id: "a1c3e000-0000-4000-8000-000000000001",
    slug: "acme",
    name: "Acme Manufacturing",
    tier: "strategic",
    timeZone: "America/Chicago",
    defaultLocale: "en",
    country: "US",
    region: null,
    currency: "USD",
    onTimeRate: 0.995,
    shortShipRate: 0.005,
    orders: 4200,
    carriers: [
      { name: "UPS", url: "https://www.ups.com/track?tracknum=" },
      { name: "FedEx", url: "https://www.fedex.com/fedextrack/?trknbr=" },
    ],
    // Slipping after a carrier change: on UPS alone Acme met its strategic targets; since most
    // freight moved to FedEx (a cheaper contract) OTIF slips period by period, the late orders sit
    // with FedEx, and Dallas still ships short more often than the other sites.
    story: (m) => ({
      backorderRate: 0.01,
      carriers:
        m.daysAgo > ACME_CARRIER_CHANGE_DAYS_AGO
          ? [{ name: "UPS", share: 1 }]
          : [
              { name: "UPS", share: 0.35 },
              { name: "FedEx", share: 0.65, onTimeRate: trend(m, ACME_CARRIER_CHANGE_DAYS_AGO, 0.93, 0, 0.82) },
            ],
    }),
    sites: [
      { code: "CHI-01", name: "Chicago Assembly", city: "Chicago", country: "US", timeZone: "America/Chicago" },
      { code: "MKE-02", name: "Milwaukee Motors", city: "Milwaukee", country: "US", timeZone: "America/Chicago" },
      {
        code: "DAL-03",
        name: "Dallas Distribution",
        city: "Dallas",
        country: "US",
        timeZone: "America/Chicago",
        shortShipRate: 0.03,
      },
      { code: "ATL-04", name: "Atlanta Service Depot", city: "Atlanta", country: "US", timeZone: "America/New_York" },
      { code: "PHX-05", name: "Phoenix Plant", city: "Phoenix", country: "US", timeZone: "America/Phoenix" },
      {
        code: "SEA-06",
        name: "Seattle Service Centre",
        city: "Seattle",
        country: "US",
        timeZone: "America/Los_Angeles",
      },
    ],
    catalogue: industrial,
    emailDomain: "acme.example",
  },
  {
    id: "b2d4f000-0000-4000-8000-000000000002",
    slug: "nordwind",
    name: "Nordwind Handels GmbH",
    tier: "key",
    timeZone: "Europe/Berlin",
    defaultLocale: "de",
    country: "DE",
    region: "BY",
    currency: "EUR",
    onTimeRate: 0.88,
    shortShipRate: 0.08,
    orders: 3400,
    carriers: [
      { name: "DHL", url: "https://www.dhl.de/de/privatkunden/dhl-sendungsverfolgung.html?piececode=" },
      { name: "DB Schenker", url: "https://www.dbschenker.com/app/tracking-public/?refNumber=" },
    ],
    // Improving: a year ago OTIF was far below target, with DB Schenker the weaker carrier and
    // Nürnberg shipping short; stock planning and a fix at Nürnberg bring it to target by now.
    story: (m) => {
      const onTime = trend(m, 420, 0.86, 45, 0.975);
      return {
        backorderRate: trend(m, 420, 0.05, 45, 0.008),
        shortShipRate: trend(m, 420, 0.06, 45, 0.012),
        siteShortShipRate: { "NUE-02": trend(m, 420, 0.2, 120, 0.03) },
        carriers: [
          { name: "DHL", share: 0.6, onTimeRate: Math.min(0.995, onTime + 0.02) },
          { name: "DB Schenker", share: 0.4, onTimeRate: onTime - 0.04 },
        ],
      };
    },
    sites: [
      { code: "MUC-01", name: "München Zentrallager", city: "München", country: "DE", timeZone: "Europe/Berlin" },
      {
        code: "NUE-02",
        name: "Nürnberg Filiale",
        city: "Nürnberg",
        country: "DE",
        timeZone: "Europe/Berlin",
      },
      { code: "AUG-03", name: "Augsburg Werkstatt", city: "Augsburg", country: "DE", timeZone: "Europe/Berlin" },
      { code: "VIE-04", name: "Wien Niederlassung", city: "Wien", country: "AT", timeZone: "Europe/Vienna" },
    ],
    catalogue: industrial,
    emailDomain: "nordwind.example",
  },
  {
    id: "c3e5a000-0000-4000-8000-000000000003",
    slug: "sakura",
    name: "Sakura Retail KK",
    tier: "standard",
    timeZone: "Asia/Tokyo",
    defaultLocale: "ja",
    country: "JP",
    region: null,
    currency: "JPY",
    // Meets its targets: a steady account with few late or short orders.
    onTimeRate: 0.98,
    shortShipRate: 0.015,
    story: () => ({ backorderRate: 0.01 }),
    orders: 2600,
    carriers: [
      { name: "Yamato Transport", url: "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number=" },
      { name: "Sagawa Express", url: "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=" },
    ],
    sites: [
      { code: "TYO-01", name: "Tokyo Shibuya Store", city: "Tokyo", country: "JP", timeZone: "Asia/Tokyo" },
      { code: "OSA-02", name: "Osaka Umeda Store", city: "Osaka", country: "JP", timeZone: "Asia/Tokyo" },
      { code: "NGO-03", name: "Nagoya DC", city: "Nagoya", country: "JP", timeZone: "Asia/Tokyo" },
      { code: "FUK-04", name: "Fukuoka Tenjin Store", city: "Fukuoka", country: "JP", timeZone: "Asia/Tokyo" },
      { code: "SPK-05", name: "Sapporo Store", city: "Sapporo", country: "JP", timeZone: "Asia/Tokyo" },
    ],
    catalogue: retail,
    emailDomain: "sakura.example",
  },
  {
    id: "d4f6b000-0000-4000-8000-000000000004",
    slug: "southerncross",
    name: "Southern Cross Foods",
    tier: "key",
    timeZone: "Australia/Sydney",
    defaultLocale: "en",
    country: "AU",
    region: "NSW",
    currency: "AUD",
    onTimeRate: 0.985,
    shortShipRate: 0.012,
    // Seasonal: on target most of the year, the Christmas and summer-holiday peak (December and
    // January) brings late and short orders.
    story: (m) =>
      m.month === 12 || m.month === 1
        ? { onTimeRate: 0.8, shortShipRate: 0.07, backorderRate: 0.05 }
        : { backorderRate: 0.008 },
    orders: 3000,
    carriers: [
      { name: "StarTrack", url: "https://startrack.com.au/track/details/" },
      { name: "Toll", url: "https://www.mytoll.com/?externalSearchQuery=" },
    ],
    sites: [
      { code: "SYD-01", name: "Sydney Kitchen", city: "Sydney", country: "AU", timeZone: "Australia/Sydney" },
      { code: "NCL-02", name: "Newcastle Bakery", city: "Newcastle", country: "AU", timeZone: "Australia/Sydney" },
      { code: "MEL-03", name: "Melbourne DC", city: "Melbourne", country: "AU", timeZone: "Australia/Melbourne" },
      { code: "BNE-04", name: "Brisbane DC", city: "Brisbane", country: "AU", timeZone: "Australia/Brisbane" },
      { code: "PER-05", name: "Perth Outlet", city: "Perth", country: "AU", timeZone: "Australia/Perth" },
      { code: "ADL-06", name: "Adelaide Outlet", city: "Adelaide", country: "AU", timeZone: "Australia/Adelaide" },
      { code: "WOL-07", name: "Wollongong Depot", city: "Wollongong", country: "AU", timeZone: "Australia/Sydney" },
    ],
    catalogue: food,
    emailDomain: "southerncross.example",
  },
  {
    id: "e5a7c000-0000-4000-8000-000000000005",
    slug: "deccan",
    name: "Deccan Components",
    tier: "standard",
    timeZone: "Asia/Kolkata",
    defaultLocale: "en",
    country: "IN",
    region: null,
    currency: "INR",
    onTimeRate: 0.95,
    shortShipRate: 0.035,
    // Seasonal: the monsoon (July to September) slows every road carrier.
    story: (m) => (m.month >= 7 && m.month <= 9 ? { onTimeRate: 0.74, backorderRate: 0.04 } : { backorderRate: 0.02 }),
    orders: 2200,
    carriers: [
      { name: "Blue Dart", url: "https://www.bluedart.com/tracking?trackFor=0&trackNo=" },
      { name: "Delhivery", url: "https://www.delhivery.com/track/package/" },
    ],
    sites: [
      { code: "BLR-01", name: "Bengaluru Plant", city: "Bengaluru", country: "IN", timeZone: "Asia/Kolkata" },
      { code: "HYD-02", name: "Hyderabad Plant", city: "Hyderabad", country: "IN", timeZone: "Asia/Kolkata" },
      { code: "PNQ-03", name: "Pune Assembly", city: "Pune", country: "IN", timeZone: "Asia/Kolkata" },
    ],
    catalogue: electronics,
    emailDomain: "deccan.example",
  },
];
