using System.Collections.Frozen;

namespace LaborMarket;

/// <summary>
/// Maps SOC 2010 codes to SOC 2018 codes, so that older data (H-1B filings before 2020, OEWS before 2019)
/// normalizes to current codes. The map is the BLS "2010 SOC to 2018 SOC crosswalk" (November 2017), every
/// row of it, splits and merges included; codes that did not change map to themselves.
/// </summary>
/// <remarks>
/// The official crosswalk is a relation without weights. Where SOC 2018 split a 2010 occupation,
/// <see cref="From2010All"/> lists every 2018 code and <see cref="From2010"/> answers with one: the 2018
/// occupation that took most of the 2010 occupation's employment, or the 2010 code itself where SOC 2018
/// kept it and moved a part out (13-2051 Financial Analysts keeps 13-2051 and gives 13-2054 Financial Risk
/// Specialists). A few codes that are in older files but not in SOC 2010 (SOC 2000 codes and OES-only
/// aggregates such as 29-2037) are mapped as well, after the official rows.
/// </remarks>
public static class SocCrosswalk
{
    // 2010 code -> 2018 codes, the one to use when a single answer is needed first. Every 2010 code of the
    // official BLS crosswalk whose 2018 codes differ from itself (a test checks each row against the file).
    private static readonly (int From, int[] To)[] Official =
    [
        (112031, [112032, 112033]),          // Public Relations and Fundraising Managers
        (113011, [113012, 113013]),          // Administrative Services Managers
        (119061, [119171]),                  // Funeral Service Managers
        (119199, [119199, 119072, 119179, 131082]), // Managers, All Other
        (131199, [131199, 131082]),          // Business Operations Specialists, All Other
        (132021, [132023, 132022]),          // Appraisers and Assessors of Real Estate
        (132051, [132051, 132054]),          // Financial Analysts
        (132099, [132099, 132054]),          // Financial Specialists, All Other
        (151111, [151221]),                  // Computer and Information Research Scientists
        (151121, [151211]),                  // Computer Systems Analysts
        (151122, [151212]),                  // Information Security Analysts
        (151131, [151251]),                  // Computer Programmers
        (151132, [151252, 151253]),          // Software Developers, Applications
        (151133, [151252, 151253]),          // Software Developers, Systems Software
        (151134, [151254, 151255]),          // Web Developers
        (151141, [151242, 151243]),          // Database Administrators
        (151142, [151244]),                  // Network and Computer Systems Administrators
        (151143, [151241]),                  // Computer Network Architects
        (151151, [151232]),                  // Computer User Support Specialists
        (151152, [151231]),                  // Computer Network Support Specialists
        (151199, [151299, 151253, 131082, 151243, 151255]), // Computer Occupations, All Other
        (152091, [152099]),                  // Mathematical Technicians
        (152099, [152099, 152051]),          // Mathematical Science Occupations, All Other
        (173029, [173029, 173028]),          // Engineering Technicians, Except Drafters, All Other
        (193031, [193033, 193034]),          // Clinical, Counseling, and School Psychologists
        (194011, [194012, 194013]),          // Agricultural and Food Science Technicians
        (194041, [194043, 194044]),          // Geological and Petroleum Technicians
        (194091, [194042]),                  // Environmental Science and Protection Technicians, Including Health
        (194093, [194071]),                  // Forest and Conservation Technicians
        (194099, [194099, 194044]),          // Life, Physical, and Social Science Technicians, All Other
        (232091, [273092]),                  // Court Reporters
        (251191, [259044]),                  // Graduate Teaching Assistants
        (252052, [252055, 252056]),          // Special Education Teachers, Kindergarten and Elementary School
        (252053, [252057]),                  // Special Education Teachers, Middle School
        (252054, [252058]),                  // Special Education Teachers, Secondary School
        (253099, [253099, 253031, 253041]),  // Teachers and Instructors, All Other
        (254021, [254022]),                  // Librarians
        (259011, [254022]),                  // Audio-Visual and Multimedia Collections Specialists
        (259041, [259042, 259043, 259049]),  // Teacher Assistants
        (272099, [272099, 272091]),          // Entertainers and Performers, Sports and Related Workers, All Other
        (273012, [273099]),                  // Public Address System and Other Announcers
        (273021, [273023]),                  // Broadcast News Analysts
        (273022, [273023]),                  // Reporters and Correspondents
        (274013, [432099]),                  // Radio Operators
        (274099, [274099, 274015]),          // Media and Communication Equipment Workers, All Other
        (291061, [291211]),                  // Anesthesiologists
        (291062, [291215]),                  // Family and General Practitioners
        (291063, [291216]),                  // Internists, General
        (291064, [291218]),                  // Obstetricians and Gynecologists
        (291065, [291221]),                  // Pediatricians, General
        (291066, [291223]),                  // Psychiatrists
        (291067, [291249, 291242, 291243]),  // Surgeons
        (291069, [291229, 291212, 291213, 291214, 291217, 291222, 291224, 291241]), // Physicians and Surgeons, All Other
        (291199, [291299, 291291]),          // Health Diagnosing and Treating Practitioners, All Other
        (292021, [291292]),                  // Dental Hygienists
        (292041, [292042, 292043]),          // Emergency Medical Technicians and Paramedics
        (292054, [292099]),                  // Respiratory Therapy Technicians
        (292071, [292072, 299021]),          // Medical Records and Health Information Technicians
        (292099, [292099, 292036]),          // Health Technologists and Technicians, All Other
        (299011, [195011]),                  // Occupational Health and Safety Specialists
        (299012, [195012]),                  // Occupational Health and Safety Technicians
        (299099, [299099, 299021, 299093]),  // Healthcare Practitioners and Technical Workers, All Other
        (311011, [311121]),                  // Home Health Aides
        (311013, [311133]),                  // Psychiatric Aides
        (311014, [311131]),                  // Nursing Assistants
        (311015, [311132]),                  // Orderlies
        (331099, [331099, 331091]),          // First-Line Supervisors of Protective Service Workers, All Other
        (339099, [339099, 339094]),          // Protective Service Workers, All Other
        (353021, [353023]),                  // Combined Food Preparation and Serving Workers, Including Fast Food
        (353022, [353023]),                  // Counter Attendants, Cafeteria, Food Concession, and Coffee Shop
        (391011, [391013]),                  // Gaming Supervisors
        (391012, [391013]),                  // Slot Supervisors
        (391021, [391022, 391014, 531044]),  // First-Line Supervisors of Personal Service Workers
        (399021, [311122]),                  // Personal Care Aides
        (399099, [399099, 394012]),          // Personal Care and Service Workers, All Other
        (413099, [413091]),                  // Sales Representatives, Services, All Other
        (435081, [537065]),                  // Stock Clerks and Order Fillers
        (439011, [151299]),                  // Computer Operators
        (453011, [453031]),                  // Fishers and Related Fishing Workers
        (453021, [453031]),                  // Hunters and Trappers
        (475021, [475023, 475032]),          // Earth Drillers, Except Oil and Gas
        (475031, [475032]),                  // Explosives Workers, Ordnance Handling Experts, and Blasters
        (475042, [475049]),                  // Mine Cutting and Channeling Machine Operators
        (475049, [475049, 475099]),          // Mining Machine Operators, All Other
        (475061, [475043]),                  // Roof Bolters, Mining
        (499093, [499099]),                  // Fabric Menders, Except Garment
        (512091, [512051]),                  // Fiberglass Laminators and Fabricators
        (512093, [512061]),                  // Timing Device Assemblers and Adjusters
        (514011, [519161]),                  // Computer-Controlled Machine Tool Operators, Metal and Plastic
        (514012, [519162]),                  // Computer Numerically Controlled Machine Tool Programmers, Metal and Plastic
        (519121, [519124]),                  // Coating, Painting, and Spraying Machine Setters, Operators, and Tenders
        (519122, [519124]),                  // Painters, Transportation Equipment
        (519199, [519199, 519161, 519162]),  // Production Workers, All Other
        (531011, [531041]),                  // Aircraft Cargo Handling Supervisors
        (531021, [531042]),                  // First-Line Supervisors of Helpers, Laborers, and Material Movers, Hand
        (531031, [531043, 531044, 531049]),  // First-Line Supervisors of Transportation and Material-Moving Machine and Vehicle Operators
        (533021, [533052]),                  // Bus Drivers, Transit and Intercity
        (533022, [533051, 533053]),          // Bus Drivers, School or Special Client
        (533041, [533054, 533053]),          // Taxi Drivers and Chauffeurs
        (534012, [534022]),                  // Locomotive Firers
        (534021, [534022]),                  // Railroad Brake, Signal, and Switch Operators
        (536099, [536099, 536032]),          // Transportation Workers, All Other
        (537032, [475022, 537199]),          // Excavating and Loading Machine and Dragline Operators
        (537033, [475044]),                  // Loading Machine Operators, Underground Mining
        (537111, [475044]),                  // Mine Shuttle Car Operators
        (553017, [173029]),                  // Radar and Sonar Technicians
    ];

    // Codes seen in older files that the official crosswalk does not list: SOC 2000 codes and OES-only
    // aggregates of the 2010-2018 OEWS files.
    private static readonly (int From, int[] To)[] Legacy =
    [
        (119011, [119013]),                  // Farm, Ranch, and Other Agricultural Managers
        (119012, [119013]),                  // Farmers and Ranchers
        (131078, [131071]),                  // HR specialists, all other (OES)
        (252041, [252055, 252056]),          // Special Education Teachers, Preschool, Kindergarten, and Elementary
        (253098, [253031]),                  // Substitute Teachers
        (253999, [253099]),                  // Teachers and Instructors, All Other (OES)
        (291111, [291141]),                  // Registered Nurses (pre-2010 code still seen in old files)
        (292037, [292034]),                  // Radiologic Technologists and Technicians (OES)
        (311012, [311131]),                  // Nursing Aides, Orderlies, and Attendants
        (413098, [413091]),                  // Sales Representatives of Services (OES)
    ];

    private static readonly FrozenDictionary<int, SocCode[]> Map = Official.Concat(Legacy)
        .Where(c => !(c.To.Length == 1 && c.To[0] == c.From))
        .ToFrozenDictionary(c => c.From, c => c.To.Select(SocCode.FromValueUnchecked).ToArray());

    /// <summary>The SOC 2010 codes this crosswalk maps (those that changed in 2018).</summary>
    public static IReadOnlyCollection<SocCode> ChangedCodes { get; } =
        Map.Keys.Order().Select(SocCode.FromValueUnchecked).ToArray();

    /// <summary>
    /// The SOC 2018 code for a SOC 2010 code: the code itself when it did not change, else the
    /// 2018 occupation that took most of it.
    /// </summary>
    public static SocCode From2010(SocCode code) => Map.TryGetValue(code.Value, out var to) ? to[0] : code;

    /// <summary>
    /// Every SOC 2018 code a SOC 2010 code maps to (more than one where 2018 split the occupation),
    /// most likely first; the code itself when it did not change.
    /// </summary>
    public static IReadOnlyList<SocCode> From2010All(SocCode code) => Map.TryGetValue(code.Value, out var to) ? to : [code];

    /// <summary>Whether the SOC 2010 code changed in SOC 2018.</summary>
    public static bool Changed(SocCode code) => Map.ContainsKey(code.Value);
}
