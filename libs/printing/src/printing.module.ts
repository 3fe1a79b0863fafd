import { DynamicModule, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { StoresModule } from '@kassa/stores';
import { CloudPrntController } from './cloudprnt/cloudprnt.controller';
import { CloudPrntService } from './cloudprnt/cloudprnt.service';
import { PrintJob } from './entities/print-job.entity';
import { PrintSettings } from './entities/print-settings.entity';
import { Printer } from './entities/printer.entity';
import { ReceiptNumber } from './entities/receipt-number.entity';
import { Station } from './entities/station.entity';
import { OrderBoardListener } from './gateway/order-board.listener';
import { PrinterWatchJob } from './gateway/printer-watch.job';
import { PrintingStatus } from './gateway/printing-status';
import { StaffTokens } from './gateway/staff-tokens';
import { StationWelcome } from './gateway/station-welcome';
import { StationsGateway } from './gateway/stations.gateway';
import { StationsHub } from './gateway/stations-hub';
import { InScopeGuard } from './in-scope.guard';
import { AfterCommit } from './jobs/after-commit';
import { OrderPrintingListener } from './jobs/order-printing.listener';
import { OrdersReader } from './jobs/orders-reader';
import { PrintDelivery } from './jobs/print-delivery';
import { PrintJobViews } from './jobs/print-job-views';
import { PrintJobsAdminController } from './jobs/print-jobs-admin.controller';
import { PrintJobsService } from './jobs/print-jobs.service';
import { QueueLengths } from './jobs/queue-lengths';
import { PrintersAdminController } from './printers/printers-admin.controller';
import { PrintersService } from './printers/printers.service';
import { PRINTING_OPTIONS, PrintingOptions } from './printing.options';
import { PrintSettingsAdminController } from './settings/print-settings-admin.controller';
import { PrintSettingsService } from './settings/print-settings.service';
import { StationsAdminController } from './stations/stations-admin.controller';
import { StationsService } from './stations/stations.service';

/** Handed to the platform's ORM setup by the app. */
export const PRINTING_ENTITIES = [Station, Printer, PrintJob, ReceiptNumber, PrintSettings];

@Module({})
export class PrintingModule {
  static forRoot(options: PrintingOptions): DynamicModule {
    return {
      module: PrintingModule,
      imports: [MikroOrmModule.forFeature(PRINTING_ENTITIES), StoresModule],
      controllers: [StationsAdminController, PrintersAdminController, PrintJobsAdminController, PrintSettingsAdminController, CloudPrntController],
      providers: [
        { provide: PRINTING_OPTIONS, useValue: options },
        AfterCommit,
        StationsHub,
        OrdersReader,
        StaffTokens,
        QueueLengths,
        PrintSettingsService,
        PrintingStatus,
        StationWelcome,
        PrintDelivery,
        PrintJobsService,
        PrintJobViews,
        StationsService,
        PrintersService,
        CloudPrntService,
        InScopeGuard,
        OrderPrintingListener,
        OrderBoardListener,
        PrinterWatchJob,
        StationsGateway,
      ],
      exports: [PrintJobsService],
    };
  }
}
