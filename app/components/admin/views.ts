// What the platform administration page shows, as the loader sends it (single fetch keeps Dates).

export interface AdminTenantView {
  id: string;
  name: string;
  tier: string;
  timeZone: string;
  country: string;
  region: string | null;
  users: number;
}

export interface AdminStaffView {
  userId: string;
  name: string;
  email: string;
  role: string;
  tenantIds: string[];
}

export interface AdminUserView {
  id: string;
  email: string;
  tenantName: string | null;
  role: string | null;
  deactivatedAt: Date | null;
}
