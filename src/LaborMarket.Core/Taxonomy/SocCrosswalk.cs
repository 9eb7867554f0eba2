using System.Collections.Frozen;

namespace LaborMarket;

/// <summary>
/// Maps SOC 2010 codes that changed in SOC 2018 to their 2018 codes, so that older data
/// (H-1B filings before 2020, OEWS before 2019) normalizes to current codes.
/// Codes that did not change map to themselves.
/// </summary>
public static class SocCrosswalk
{
    // 2010 code -> 2018 codes. Where SOC 2018 split an occupation the first code is where most of its
    // employment went (the one to use when a single answer is needed).
    private static readonly (int From, int[] To)[] Changes =
    [
        (112031, [112032, 112033]), // Public Relations and Fundraising Managers
        (113011, [113012, 113013]), // Administrative Services Managers -> + Facilities Managers
        (119011, [119013]),         // Farm, Ranch, and Other Agricultural Managers
        (119012, [119013]),         // Farmers and Ranchers
        (119061, [119171]),         // Funeral Service Managers
        (131078, [131071]),         // HR specialists, all other (OES)
        (132021, [132023, 132022]), // Appraisers and Assessors of Real Estate
        (132099, [132099, 132054]), // Financial Specialists, All Other -> + Financial Risk Specialists
        (151111, [151221]),         // Computer and Information Research Scientists
        (151121, [151211]),         // Computer Systems Analysts
        (151122, [151212]),         // Information Security Analysts
        (151131, [151251]),         // Computer Programmers
        (151132, [151252]),         // Software Developers, Applications
        (151133, [151252]),         // Software Developers, Systems Software
        (151134, [151254, 151255]), // Web Developers -> + Web and Digital Interface Designers
        (151141, [151242, 151243]), // Database Administrators -> + Database Architects
        (151142, [151244]),         // Network and Computer Systems Administrators
        (151143, [151241]),         // Computer Network Architects
        (151151, [151232]),         // Computer User Support Specialists
        (151152, [151231]),         // Computer Network Support Specialists
        (151199, [151299, 151253]), // Computer Occupations, All Other -> + Software QA Analysts and Testers
        (152091, [152099]),         // Mathematical Technicians
        (193031, [193033, 193034]), // Clinical, Counseling, and School Psychologists
        (194011, [194012, 194013]), // Agricultural and Food Science Technicians
        (194041, [194043, 194044]), // Geological and Petroleum Technicians
        (194091, [194042]),         // Environmental Science and Protection Technicians
        (194093, [194071]),         // Forest and Conservation Technicians
        (211011, [211018]),         // Substance Abuse and Behavioral Disorder Counselors
        (211014, [211018]),         // Mental Health Counselors
        (232091, [273092]),         // Court Reporters -> Court Reporters and Simultaneous Captioners
        (251191, [259044]),         // Graduate Teaching Assistants -> Teaching Assistants, Postsecondary
        (252041, [252055, 252056]), // Special Education Teachers, Preschool, Kindergarten, and Elementary
        (252053, [252057]),         // Special Education Teachers, Middle School
        (252054, [252058]),         // Special Education Teachers, Secondary School
        (253098, [253031]),         // Substitute Teachers
        (253999, [253099]),         // Teachers and Instructors, All Other (OES)
        (254021, [254022]),         // Librarians
        (259011, [254022]),         // Audio-Visual and Multimedia Collections Specialists -> Librarians and Media Collections Specialists
        (259041, [259042]),         // Teacher Assistants
        (273012, [273099]),         // Public Address System and Other Announcers
        (273021, [273023]),         // Broadcast News Analysts
        (273022, [273023]),         // Reporters and Correspondents
        (274013, [432099]),         // Radio Operators -> Communications Equipment Operators, All Other
        (291061, [291211]),         // Anesthesiologists
        (291062, [291215]),         // Family and General Practitioners
        (291063, [291216]),         // Internists, General
        (291064, [291218]),         // Obstetricians and Gynecologists
        (291065, [291221]),         // Pediatricians, General
        (291066, [291223]),         // Psychiatrists
        (291067, [291249, 291241, 291242, 291243]), // Surgeons
        (291069, [291229, 291212, 291213, 291214, 291217, 291222, 291224]), // Physicians and Surgeons, All Other
        (291111, [291141]),         // Registered Nurses (pre-2010 code still seen in old files)
        (291199, [291299, 291291]), // Health Diagnosing and Treating Practitioners, All Other -> + Acupuncturists
        (292021, [291292]),         // Dental Hygienists
        (292037, [292034]),         // Radiologic Technologists and Technicians (OES)
        (292041, [292042, 292043]), // Emergency Medical Technicians and Paramedics
        (292054, [291126]),         // Respiratory Therapy Technicians -> Respiratory Therapists
        (292071, [292072, 299021]), // Medical Records and Health Information Technicians
        (299011, [195011]),         // Occupational Health and Safety Specialists
        (299012, [195012]),         // Occupational Health and Safety Technicians
        (311011, [311121]),         // Home Health Aides
        (311012, [311131]),         // Nursing Aides, Orderlies, and Attendants
        (311013, [311133]),         // Psychiatric Aides
        (311014, [311131]),         // Nursing Assistants
        (311015, [311132]),         // Orderlies
        (353021, [353023]),         // Combined Food Preparation and Serving Workers, Including Fast Food
        (353022, [353023]),         // Counter Attendants, Cafeteria, Food Concession, and Coffee Shop
        (391011, [391013]),         // Gaming Supervisors
        (391012, [391013]),         // Slot Supervisors
        (391021, [391022, 391014]), // First-Line Supervisors of Personal Service Workers
        (399021, [311122]),         // Personal Care Aides
        (413098, [413091]),         // Sales Representatives of Services (OES)
        (413099, [413091]),         // Sales Representatives, Services, All Other
        (435081, [537065]),         // Stock Clerks and Order Fillers
        (453011, [453031]),         // Fishers and Related Fishing Workers
        (453021, [453031]),         // Hunters and Trappers
        (475021, [475023]),         // Earth Drillers, Except Oil and Gas
        (475031, [475032]),         // Explosives Workers, Ordnance Handling Experts, and Blasters
        (475042, [475049]),         // Mine Cutting and Channeling Machine Operators
        (475061, [475043]),         // Roof Bolters, Mining
        (499093, [516052]),         // Fabric Menders, Except Garment
        (512022, [512028]),         // Electrical and Electronic Equipment Assemblers
        (512023, [512028]),         // Electromechanical Equipment Assemblers
        (512091, [512051]),         // Fiberglass Laminators and Fabricators
        (512093, [512061]),         // Timing Device Assemblers and Adjusters
        (439011, [439199]),         // Computer Operators
        (514011, [519161]),         // Computer-Controlled Machine Tool Operators, Metal and Plastic
        (514012, [519162]),         // CNC Machine Tool Programmers, Metal and Plastic
        (519121, [519124]),         // Coating, Painting, and Spraying Machine Setters, Operators, and Tenders
        (519122, [519123]),         // Painters, Transportation Equipment
        (531011, [531041]),         // Aircraft Cargo Handling Supervisors
        (531021, [531042]),         // First-Line Supervisors of Helpers, Laborers, and Material Movers, Hand
        (531031, [531043, 531044, 531049]), // First-Line Supervisors of Transportation and Material-Moving Operators
        (533021, [533052]),         // Bus Drivers, Transit and Intercity
        (533022, [533051]),         // Bus Drivers, School or Special Client
        (533041, [533054, 533053]), // Taxi Drivers and Chauffeurs
        (534012, [534022]),         // Locomotive Firers
        (534021, [534022]),         // Railroad Brake, Signal, and Switch Operators
        (537032, [475022]),         // Excavating and Loading Machine and Dragline Operators
        (537033, [475044]),         // Loading Machine Operators, Underground Mining
        (537111, [475044]),         // Mine Shuttle Car Operators
    ];

    private static readonly FrozenDictionary<int, SocCode[]> Map = Changes
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
