import type { Department, District } from '../../../workflows/definitions';
import type { PetitionCategory } from '../../../workflows/kit/department-words';
import type { Db } from '../../db/connection';
import type { PetitionOfficePort, Route, StoredPetition } from './port';

interface RouteRow {
  category: PetitionCategory;
  district: District;
  department: Department;
  updated_by: string;
}

interface PetitionRow {
  case_id: string;
  text: string;
  location: string;
  contact_name: string;
  contact_phone: string;
  received_at: Date;
}

export class PostgresPetitionOffice implements PetitionOfficePort {
  constructor(private readonly db: Db) {}

  async routeFor(category: PetitionCategory, district: District): Promise<Department | undefined> {
    return (await this.db<RouteRow>('petition_office.routes').where({ category, district }).first())
      ?.department;
  }

  async setRoute(route: Route): Promise<void> {
    await this.db('petition_office.routes')
      .insert({
        category: route.category,
        district: route.district,
        department: route.department,
        updated_by: route.updatedBy,
      })
      .onConflict(['category', 'district'])
      .merge({ department: route.department, updated_by: route.updatedBy, updated_at: this.db.fn.now() });
  }

  async routes(): Promise<Route[]> {
    const rows = await this.db<RouteRow>('petition_office.routes').orderBy(['district', 'category']);
    return rows.map((row) => ({
      category: row.category,
      district: row.district,
      department: row.department,
      updatedBy: row.updated_by,
    }));
  }

  async savePetition(petition: StoredPetition): Promise<void> {
    await this.db('petition_office.petitions')
      .insert({
        case_id: petition.caseId,
        text: petition.text,
        location: petition.location,
        contact_name: petition.contact.name,
        contact_phone: petition.contact.phone,
        received_at: petition.receivedAt,
      })
      .onConflict('case_id')
      .ignore();
  }

  async petition(caseId: string): Promise<StoredPetition | undefined> {
    const row = await this.db<PetitionRow>('petition_office.petitions').where({ case_id: caseId }).first();
    return (
      row && {
        caseId: row.case_id,
        text: row.text,
        location: row.location,
        contact: { name: row.contact_name, phone: row.contact_phone },
        receivedAt: row.received_at.toISOString(),
      }
    );
  }
}
