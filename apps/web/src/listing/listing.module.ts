import { Module } from '@nestjs/common';
import { PublicListingController } from './public-listing.controller.js';

/** The public listings of partnerships that chose to have one. */
@Module({ controllers: [PublicListingController] })
export class ListingModule {}
